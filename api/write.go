package api

import (
	"bufio"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/corpus"
)

// Writer changes what the service holds. The API declares it; main
// implements it over the ingest pipeline and the stores.
type Writer interface {
	// Ingest stores uploaded files as documents and reports what became of
	// each. The error is set only when the ingest as a whole failed.
	Ingest(ctx context.Context, files []Upload) ([]UploadResult, error)
	// Delete removes documents and every fact drawn from them; an unknown
	// id is corpus.ErrNotFound.
	Delete(ctx context.Context, ids []corpus.DocID) error
}

// Upload is one uploaded file, with the manifest fields sent along.
type Upload struct {
	Name string // a base name: "pm-2025-03-01.html"
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
	errNoToken  = errors.New("a bearer token is required to write (Authorization: Bearer …)")
	errBadToken = errors.New("this token is not allowed here")
	// errNoReadToken is errNoToken for reads.
	errNoReadToken = fmt.Errorf("a bearer token is required to read (Authorization: Bearer …): %w", errNoToken)
	errNoWriter    = errors.New("this server does not take writes")
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

// uploadDocuments ingests the files of a multipart upload (field "file",
// one or more), with optional fields source, title, date and kind applied
// to every file.
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
			s.fail(c, fmt.Errorf("upload larger than %d bytes: %w", s.maxUpload, errTooLarge))
			return
		}
		s.fail(c, invalid("a multipart/form-data body with one or more \"file\" parts is required: %v", err))
		return
	}
	defer form.RemoveAll()
	field := func(k string) string {
		if v := form.Value[k]; len(v) > 0 {
			return strings.TrimSpace(v[0])
		}
		return ""
	}
	headers := form.File["file"]
	if len(headers) == 0 {
		s.fail(c, invalid("no \"file\" part in the upload"))
		return
	}
	seen := map[string]bool{}
	var ups []Upload
	for _, fh := range headers {
		name := path.Base(strings.ReplaceAll(fh.Filename, `\`, "/"))
		if name == "" || name == "." || name == "/" || strings.HasPrefix(name, ".") {
			s.fail(c, invalid("file name %q: want a plain name such as pm.html", clip(fh.Filename)))
			return
		}
		if seen[name] {
			s.fail(c, invalid("file %q sent twice", clip(name)))
			return
		}
		seen[name] = true
		f, err := fh.Open()
		if err != nil {
			s.fail(c, err)
			return
		}
		b, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			s.fail(c, err)
			return
		}
		ups = append(ups, Upload{Name: name, Data: b, Source: field("source"), Title: field("title"), Date: field("date"), Kind: field("kind")})
	}
	// The ingest may take longer than the server's write timeout, which
	// runs from the request's start; the answer gets its own.
	rc := http.NewResponseController(c.Writer)
	_ = rc.SetWriteDeadline(time.Time{})
	res, err := s.writer.Ingest(c.Request.Context(), ups)
	_ = rc.SetWriteDeadline(time.Now().Add(s.streamTimeout))
	if err != nil {
		s.fail(c, err)
		return
	}
	status := http.StatusOK
	stored := false
	for _, r := range res {
		if r.Outcome != "failed" && r.Outcome != "skipped" {
			stored = true
		}
	}
	if !stored {
		status = http.StatusUnprocessableEntity
	}
	c.JSON(status, gin.H{"documents": res})
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
	c.JSON(http.StatusOK, gin.H{"deleted": id})
}

// errTooLarge reports a request body over the limit.
var errTooLarge = errors.New("request too large")
