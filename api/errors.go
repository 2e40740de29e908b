package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/graph"
	"github.com/laendergraph/laendergraph/search"
)

// errorBody is the JSON of every error response.
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	// Position is the character offset of a query syntax error.
	Position *int `json:"position,omitempty"`
}

// The error codes.
const (
	codeBadRequest   = "bad_request"
	codeNotFound     = "not_found"
	codeInternal     = "internal"
	codeCanceled     = "canceled"
	codeUnavailable  = "unavailable"
	codeMethod       = "method_not_allowed"
	codeUnauthorized = "unauthorized"
	codeForbidden    = "forbidden"
	codeTooLarge     = "too_large"
	codeTooBroad     = "too_broad"
	// statusClientClosed is the status logged when the client closed the
	// request before the answer was ready (no standard code exists).
	statusClientClosed = 499
)

// errorResponse maps an error to its HTTP status and body. It is the only
// place that decides statuses: corpus.ErrNotFound is 404, corpus.ErrInvalid
// and query syntax errors (search and graph queries) are 400, a graph
// query past its work limit 422 and past its time limit 503, a write
// without a token 401, with a token that may not write 403, a method a path
// does not take 405, an upload too large 413, a cancelled request 499 and a timed-out one 503 (neither logged as a fault),
// everything else is 500 and says no more than "internal error".
func errorResponse(err error) (int, errorBody) {
	var qe *search.QueryError
	var gqe *graph.QueryError
	body := func(code, fallback string) errorBody {
		return errorBody{errorDetail{Code: code, Message: message(err, fallback)}}
	}
	switch {
	case errors.As(err, &qe):
		pos := qe.Pos
		return http.StatusBadRequest, errorBody{errorDetail{Code: codeBadRequest, Message: qe.Error(), Position: &pos}}
	case errors.As(err, &gqe):
		pos := gqe.Pos
		return http.StatusBadRequest, errorBody{errorDetail{Code: codeBadRequest, Message: gqe.Error(), Position: &pos}}
	case errors.Is(err, graph.ErrQueryTooBroad):
		return http.StatusUnprocessableEntity, body(codeTooBroad, "Die Abfrage ist zu breit.")
	case errors.Is(err, errQueryTime):
		return http.StatusServiceUnavailable, body(codeUnavailable, "Die Abfrage hat zu lange gedauert.")
	case errors.Is(err, corpus.ErrNotFound):
		return http.StatusNotFound, body(codeNotFound, "Nicht gefunden.")
	case errors.Is(err, errNoToken):
		return http.StatusUnauthorized, body(codeUnauthorized, errNoToken.Error())
	case errors.Is(err, errBadToken), errors.Is(err, errNoWriter):
		return http.StatusForbidden, body(codeForbidden, "Kein Zugriff.")
	case errors.Is(err, errTooLarge):
		return http.StatusRequestEntityTooLarge, body(codeTooLarge, errTooLarge.Error())
	case errors.Is(err, errBusy):
		return http.StatusServiceUnavailable, body(codeUnavailable, errBusy.Error())
	case errors.Is(err, errMethod):
		return http.StatusMethodNotAllowed, body(codeMethod, "Methode nicht erlaubt.")
	case errors.Is(err, corpus.ErrInvalid):
		return http.StatusBadRequest, body(codeBadRequest, "Ungültige Anfrage.")
	case errors.Is(err, context.Canceled):
		// The client went away; nobody reads the answer and it is no fault.
		return statusClientClosed, errorBody{errorDetail{Code: codeCanceled, Message: "Anfrage abgebrochen."}}
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, errorBody{errorDetail{Code: codeUnavailable, Message: "Die Anfrage hat zu lange gedauert."}}
	}
	return http.StatusInternalServerError, errorBody{errorDetail{Code: codeInternal, Message: "Interner Fehler."}}
}

// message is what a client reads of a refused request: the German message
// of the corpus.Refusal in err, the text of the refusing sentinel itself
// (errNoToken, errBadToken, …: German too), else fallback. Errors from
// deeper down (English wrapping context, Go's own texts) go to the log only.
func message(err error, fallback string) string {
	var r *corpus.Refusal
	if errors.As(err, &r) {
		return r.Message
	}
	for _, sentinel := range []error{errNoToken, errBadToken, errNoWriter, errTooLarge, errBusy} {
		if errors.Is(err, sentinel) {
			return sentinel.Error()
		}
	}
	return fallback
}

// fail writes the error response for err. The detail of a 5xx goes to the
// request's log line, not to the client.
func (s *server) fail(c *gin.Context, err error) {
	status, body := errorResponse(err)
	if status >= http.StatusInternalServerError {
		_ = c.Error(err)
	}
	if c.Writer.Written() {
		c.Abort() // the response has started; the log line records the error
		return
	}
	c.AbortWithStatusJSON(status, body)
}

// invalid returns the refusal of a bad parameter; the message is German.
func invalid(format string, args ...any) error { return corpus.Invalid(format, args...) }

// notFound returns the refusal of something that does not exist; the
// message is German.
func notFound(format string, args ...any) error { return corpus.NotFound(format, args...) }

// methodNotAllowed answers a known path asked with a method it does not
// take; gin has set the Allow header.
func (s *server) methodNotAllowed(c *gin.Context) {
	s.fail(c, fmt.Errorf("%s %s: %w", c.Request.Method, c.Request.URL.Path, &corpus.Refusal{Kind: errMethod,
		Message: fmt.Sprintf("%s ist für %s nicht erlaubt (erlaubt: %s)", c.Request.Method, clip(c.Request.URL.Path), c.Writer.Header().Get("Allow"))}))
}

// errMethod reports a method a path does not take.
var errMethod = errors.New("method not allowed")

func (s *server) notFound(c *gin.Context) {
	s.fail(c, fmt.Errorf("no route %s %s: %w", c.Request.Method, c.Request.URL.Path, notFound("Die Adresse %s gibt es nicht", clip(c.Request.URL.Path))))
}

const stackKey = "laendergraph.panic_stack"

// logRequests writes one log line per request, with the error of a 5xx.
func (s *server) logRequests(c *gin.Context) {
	start := time.Now()
	c.Next()
	s.metrics.observe(c, time.Since(start))
	status := c.Writer.Status()
	attrs := []slog.Attr{
		slog.String("method", c.Request.Method),
		slog.String("path", c.Request.URL.Path),
		slog.String("route", c.FullPath()),
		slog.Int("status", status),
		slog.Int("bytes", max(c.Writer.Size(), 0)),
		slog.Float64("duration_ms", float64(time.Since(start).Microseconds())/1000),
		slog.String("client_ip", c.ClientIP()),
	}
	if q := c.Request.URL.RawQuery; q != "" {
		attrs = append(attrs, slog.String("query", q))
	}
	level := slog.LevelInfo
	if err := c.Errors.Last(); err != nil {
		attrs = append(attrs, slog.String("error", err.Err.Error()))
		level = slog.LevelError
	}
	if st, ok := c.Get(stackKey); ok {
		attrs = append(attrs, slog.Any("stack", st))
	}
	s.log.LogAttrs(c.Request.Context(), level, "request", attrs...)
}

// recoverPanics turns a panic in a handler into a 500.
func (s *server) recoverPanics(c *gin.Context) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		if r == http.ErrAbortHandler {
			panic(r)
		}
		c.Set(stackKey, string(debug.Stack()))
		s.fail(c, fmt.Errorf("panic: %v", r))
	}()
	c.Next()
}
