package api

import (
	"bufio"
	"cmp"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/corpus"
)

// Writer changes what the service holds. The API declares it; main
// implements it over the ingest pipeline and the stores.
type Writer interface {
	// Ingest stores uploaded files as documents and reports what became of
	// each, to step as each file is done and in the result in the order of
	// files. The error is set only when the ingest as a whole failed.
	Ingest(ctx context.Context, files []Upload, step func(UploadResult)) ([]UploadResult, error)
	// Delete removes documents and every fact drawn from them; an unknown
	// id is corpus.ErrNotFound.
	Delete(ctx context.Context, ids []corpus.DocID) error
}

// Upload is one uploaded file, with the manifest fields sent along.
type Upload struct {
	// Name is a base name ("pm-2025-03-01.html") or a relative path
	// ("docs/pm-2025-03-01.html"): the document's File.
	Name string
	Data []byte
	// Source, Title, Date and Kind, if set, override what is read from the
	// text, as a manifest line would.
	Source, Title, Date, Kind string
}

// UploadResult is what became of one uploaded file.
type UploadResult struct {
	File    string       `json:"file"`
	ID      corpus.DocID `json:"id,omitempty"`
	Outcome string       `json:"outcome"` // added, updated, unchanged, duplicate, failed, skipped
	Error   string       `json:"error,omitempty"`
}

// Tokens are the bearer tokens that may write, kept as SHA-256 hashes only.
type Tokens struct {
	hashes [][sha256.Size]byte
}

// ParseTokens reads a token file: one token per line, either its hash
// ("sha256:" and 64 hex digits, as HashToken writes it; the form to keep on
// disk) or, discouraged, the token itself, which is hashed on reading. Blank
// lines and lines starting with # are ignored.
func ParseTokens(r io.Reader) (*Tokens, error) {
	t := &Tokens{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var h [sha256.Size]byte
		if hx, ok := strings.CutPrefix(line, "sha256:"); ok {
			b, err := hex.DecodeString(hx)
			if err != nil || len(b) != sha256.Size {
				return nil, fmt.Errorf("token file line %d: bad sha256 hash: %w", n, corpus.ErrInvalid)
			}
			copy(h[:], b)
		} else {
			if len(line) < 16 {
				return nil, fmt.Errorf("token file line %d: token shorter than 16 characters: %w", n, corpus.ErrInvalid)
			}
			h = sha256.Sum256([]byte(line))
		}
		t.hashes = append(t.hashes, h)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read token file: %w", err)
	}
	if len(t.hashes) == 0 {
		return nil, fmt.Errorf("token file holds no token: %w", corpus.ErrInvalid)
	}
	return t, nil
}

// HashToken returns the line of a token file for token: "sha256:…".
func HashToken(token string) string {
	h := sha256.Sum256([]byte(token))
	return "sha256:" + hex.EncodeToString(h[:])
}

// NewToken returns a fresh random token.
func NewToken() string {
	return "lg_" + rand.Text()
}

// allows reports whether token is one of t's, comparing every hash in
// constant time.
func (t *Tokens) allows(token string) bool {
	if t == nil || token == "" {
		return false
	}
	h := sha256.Sum256([]byte(token))
	ok := 0
	for _, x := range t.hashes {
		ok |= subtle.ConstantTimeCompare(h[:], x[:])
	}
	return ok == 1
}

// The errors of writes refused.
var (
	errNoToken  = errors.New("Zum Schreiben ist ein Token nötig (Authorization: Bearer …)")
	errBadToken = errors.New("Dieses Token ist hier nicht zugelassen")
	// errNoReadToken is errNoToken for reads.
	errNoReadToken = error(&corpus.Refusal{Kind: errNoToken, Message: "Zum Lesen ist ein Token nötig (Authorization: Bearer …)"})
	errNoWriter    = errors.New("Dieser Server nimmt keine Schreibzugriffe an")
)

// requireToken lets a request through only with a bearer token of
// s.tokens: 401 without one, 403 with another. Refusals are logged.
func (s *server) requireToken(c *gin.Context) {
	token, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
	token = strings.TrimSpace(token)
	var err error
	switch {
	case !ok || token == "":
		err = errNoToken
	case !s.tokens.allows(token):
		err = errBadToken
	default:
		c.Next()
		return
	}
	s.log.Warn("write refused", "method", c.Request.Method, "path", c.Request.URL.Path, "client_ip", c.ClientIP(), "reason", err.Error())
	s.fail(c, err)
}

// requireReadToken lets a request through when reads are open (no read
// tokens) or it carries a read or write token: 401 without one, 403 with
// another.
func (s *server) requireReadToken(c *gin.Context) {
	if s.readTokens == nil {
		c.Next()
		return
	}
	token, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
	token = strings.TrimSpace(token)
	var err error
	switch {
	case !ok || token == "":
		err = errNoReadToken
	case !s.readTokens.allows(token) && !s.tokens.allows(token):
		err = errBadToken
	default:
		c.Next()
		return
	}
	s.log.Warn("read refused", "method", c.Request.Method, "path", c.Request.URL.Path, "client_ip", c.ClientIP(), "reason", err.Error())
	s.fail(c, err)
}

// uploadDocuments queues the files of a multipart upload (field "file",
// one or more) as an ingest job and answers 202 with the job, to be followed
// at /api/v1/jobs/{id}; with wait=true it answers when the job has ended:
// 200, or 422 when no file could be stored. Optional fields: source, title,
// date and kind apply to every file; "path", once per file in the order of
// the files, names a file by its path below the folder it comes from
// ("docs/pm.html"), which is then its Document.File; "manifest" (JSON Lines,
// as for ingest --manifest, "file" naming an uploaded file by name or path)
// gives each file its own fields.
func (s *server) uploadDocuments(c *gin.Context) {
	if s.writer == nil {
		s.fail(c, errNoWriter)
		return
	}
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, s.maxUpload)
	form, err := c.MultipartForm()
	if err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			s.fail(c, &corpus.Refusal{Kind: errTooLarge, Message: fmt.Sprintf("Das Hochgeladene ist größer als %d Bytes", s.maxUpload)})
			return
		}
		s.fail(c, invalid("Erwartet wird ein multipart/form-data-Körper mit einem oder mehreren Teilen „file“ (%v)", err))
		return
	}
	defer form.RemoveAll()
	ups, err := readUploads(form)
	if err != nil {
		s.fail(c, err)
		return
	}
	j, err := s.jobs.submit(ups)
	if err != nil {
		c.Header("Retry-After", "5")
		s.fail(c, err)
		return
	}
	c.Header("Location", "/api/v1/jobs/"+j.ID)
	if wait, _ := strconv.ParseBool(c.Query("wait")); wait {
		// The ingest may take longer than the server's write timeout, which
		// runs from the request's start; the answer gets its own.
		rc := http.NewResponseController(c.Writer)
		_ = rc.SetWriteDeadline(time.Time{})
		select {
		case <-j.done:
		case <-c.Request.Context().Done(): // the job goes on; the client may ask for it later
		}
		_ = rc.SetWriteDeadline(time.Now().Add(s.streamTimeout))
	}
	snap, _ := s.jobs.get(j.ID)
	switch {
	case snap.Finished == nil:
		c.JSON(http.StatusAccepted, snap)
	case snap.State == JobFailed:
		c.JSON(http.StatusInternalServerError, snap)
	case snap.Counts[string(outcomeFailed)]+snap.Counts[string(outcomeSkipped)] == snap.Total:
		c.JSON(http.StatusUnprocessableEntity, snap)
	default:
		c.JSON(http.StatusOK, snap)
	}
}

// The outcomes of a file that is not stored.
const (
	outcomeFailed  = "failed"
	outcomeSkipped = "skipped"
)

// readUploads reads the files and fields of an upload form.
func readUploads(form *multipart.Form) ([]Upload, error) {
	field := func(k string) string {
		if v := form.Value[k]; len(v) > 0 {
			return strings.TrimSpace(v[0])
		}
		return ""
	}
	headers := form.File["file"]
	if len(headers) == 0 {
		return nil, invalid("Das Hochgeladene hat keinen Teil „file“")
	}
	paths := form.Value["path"]
	if len(paths) > 0 && len(paths) != len(headers) {
		return nil, invalid("%d Felder „path“ für %d Dateien: erwartet wird eines je Datei, in ihrer Reihenfolge", len(paths), len(headers))
	}
	seen := map[string]bool{}
	byName := map[string]int{}
	ups := make([]Upload, 0, len(headers))
	for i, fh := range headers {
		name := path.Base(strings.ReplaceAll(fh.Filename, `\`, "/"))
		if len(paths) > 0 {
			name = paths[i]
		}
		if !validUploadPath(name) {
			return nil, invalid("Dateiname „%s“: erwartet wird ein einfacher Name wie pm.html oder ein relativer Pfad wie docs/pm.html", clip(name))
		}
		if seen[name] {
			return nil, invalid("Die Datei „%s“ kam zweimal", clip(name))
		}
		seen[name] = true
		byName[name] = i
		f, err := fh.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, err
		}
		ups = append(ups, Upload{Name: name, Data: b, Source: field("source"), Title: field("title"), Date: field("date"), Kind: field("kind")})
	}
	manifest := form.Value["manifest"]
	for _, fh := range form.File["manifest"] {
		f, err := fh.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			return nil, err
		}
		manifest = append(manifest, string(b))
	}
	for _, m := range manifest {
		if err := applyManifest(ups, byName, m); err != nil {
			return nil, err
		}
	}
	for _, u := range ups {
		if u.Date != "" && u.Date != "unknown" && !corpus.Date(u.Date).Valid() {
			return nil, invalid("Datei „%s“: Datum „%s“: erwartet wird JJJJ-MM-TT, JJJJ-MM, JJJJ oder unknown", clip(u.Name), clip(u.Date))
		}
		if u.Kind != "" && !corpus.Kind(u.Kind).Valid() {
			return nil, invalid("Datei „%s“: unbekannte Art „%s“ (erlaubt: %v)", clip(u.Name), clip(u.Kind), corpus.Kinds)
		}
	}
	return ups, nil
}

// applyManifest sets the fields of the uploads that the JSON Lines of m
// name, by path or by base name; a line that names no uploaded file is an
// error, so that a typo does not pass silently.
func applyManifest(ups []Upload, byName map[string]int, m string) error {
	sc := bufio.NewScanner(strings.NewReader(m))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var e struct{ File, Source, Title, Date, Kind string }
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			return invalid("Manifest, Zeile %d: %v", n, err)
		}
		i, ok := byName[e.File]
		if !ok {
			for j, u := range ups {
				if path.Base(u.Name) == e.File {
					i, ok = j, true
					break
				}
			}
		}
		if !ok {
			return invalid("Manifest, Zeile %d: die Datei „%s“ ist nicht unter dem Hochgeladenen", n, clip(e.File))
		}
		u := &ups[i]
		u.Source, u.Title, u.Date, u.Kind = cmp.Or(e.Source, u.Source), cmp.Or(e.Title, u.Title), cmp.Or(e.Date, u.Date), cmp.Or(e.Kind, u.Kind)
	}
	if err := sc.Err(); err != nil {
		return invalid("Manifest: %v", err)
	}
	return nil
}

// validUploadPath reports whether p names a file below the uploads folder:
// relative, clean, no segment empty, "..", or hidden.
func validUploadPath(p string) bool {
	if p == "" || len(p) > 1024 || strings.ContainsAny(p, "\\\x00") || path.Clean(p) != p || path.IsAbs(p) {
		return false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "" || strings.HasPrefix(seg, ".") {
			return false
		}
	}
	return true
}

// jobsList lists the ingest jobs kept, newest first.
func (s *server) jobsList(c *gin.Context) {
	if s.writer == nil {
		s.fail(c, errNoWriter)
		return
	}
	c.JSON(http.StatusOK, gin.H{"jobs": s.jobs.list()})
}

// jobByID answers one ingest job.
func (s *server) jobByID(c *gin.Context) {
	if s.writer == nil {
		s.fail(c, errNoWriter)
		return
	}
	j, ok := s.jobs.get(c.Param("id"))
	if !ok {
		s.fail(c, notFound("Den Auftrag „%s“ gibt es nicht (Aufträge bleiben, solange der Server läuft, von den beendeten die letzten %d)", clip(c.Param("id")), s.jobs.keep))
		return
	}
	c.JSON(http.StatusOK, j)
}

// deleteDocument removes one document.
func (s *server) deleteDocument(c *gin.Context) {
	if s.writer == nil {
		s.fail(c, errNoWriter)
		return
	}
	id := corpus.DocID(c.Param("id"))
	if err := s.writer.Delete(c.Request.Context(), []corpus.DocID{id}); err != nil {
		s.fail(c, err)
		return
	}
	s.metrics.deleted.Inc()
	c.JSON(http.StatusOK, gin.H{"deleted": id})
}

// errTooLarge reports a request body over the limit.
var errTooLarge = errors.New("Anfrage zu groß")
