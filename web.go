package main

import (
	"flag"
	"net/http"
	"strings"
	"time"

	"github.com/laendergraph/laendergraph/api"
)

// httpFlags are serve's flags for the HTTP server and the API.
type httpFlags struct {
	origins, tokenFile          string
	readTokenFile               string
	requestTimeout, readTimeout time.Duration
	writeTimeout, idleTimeout   time.Duration
}

func (h *httpFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&h.tokenFile, "token-file", "", "file of bearer tokens that may upload and delete documents, one per line, best as hashes (see laendergraph token); default: no writes")
	fs.StringVar(&h.readTokenFile, "read-token-file", "", "file of bearer tokens that may read /api/v1 (the write tokens may too); default: reads are open")
	fs.StringVar(&h.origins, "cors-origin", "", "comma-separated origins whose web pages may call the API (CORS), or *; default: none")
	fs.DurationVar(&h.requestTimeout, "request-timeout", api.DefaultRequestTimeout, "longest time the work behind one API request may take (exports stream and are bounded by --write-timeout per write)")
	fs.DurationVar(&h.readTimeout, "read-timeout", time.Minute, "longest time to read one request, body included")
	fs.DurationVar(&h.writeTimeout, "write-timeout", api.DefaultStreamTimeout, "longest time to write one response; a streamed export gets this long for each part")
	fs.DurationVar(&h.idleTimeout, "idle-timeout", 2*time.Minute, "how long an idle keep-alive connection stays open")
}

// config returns the API settings of the flags.
func (h *httpFlags) config() api.Config {
	var origins []string
	for _, o := range strings.Split(h.origins, ",") {
		if o = strings.TrimSpace(o); o != "" {
			origins = append(origins, o)
		}
	}
	return api.Config{AllowOrigins: origins, RequestTimeout: h.requestTimeout, StreamTimeout: h.writeTimeout}
}

// server returns an HTTP server for handler with the flags' time limits, so
// that slow or stalled clients do not hold connections for ever.
func (h *httpFlags) server(handler http.Handler) *http.Server {
	return &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: min(10*time.Second, h.readTimeout),
		ReadTimeout:       h.readTimeout,
		WriteTimeout:      h.writeTimeout,
		IdleTimeout:       h.idleTimeout,
	}
}
