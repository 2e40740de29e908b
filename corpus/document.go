package corpus

import (
	"crypto/sha1"
	"encoding/hex"
	"path"
	"time"
)

// DocID is the stable identifier of a document: derived from its file path
// relative to the ingested folder, so re-ingesting a changed file updates the
// same document.
type DocID string

// NewDocID returns the DocID of the document stored at the relative path file.
func NewDocID(file string) DocID {
	sum := sha1.Sum([]byte(path.Clean(file)))
	return DocID("d" + hex.EncodeToString(sum[:])[:12])
}

// Kind is the kind of a document, as a crawler would record it.
type Kind string

// The kinds of document.
const (
	KindPressRelease Kind = "press-release"
	KindNews         Kind = "news"
	KindStrategy     Kind = "strategy"
	KindWebPage      Kind = "web-page"
	KindOther        Kind = "other"
)

// Kinds lists every Kind in a stable order.
var Kinds = []Kind{KindPressRelease, KindNews, KindStrategy, KindWebPage, KindOther}

// Label is the German name of a kind ("Pressemitteilung"), k itself for
// an unknown one.
func (k Kind) Label() string {
	switch k {
	case KindPressRelease:
		return "Pressemitteilung"
	case KindNews:
		return "Nachricht"
	case KindStrategy:
		return "Strategie"
	case KindWebPage:
		return "Webseite"
	case KindOther:
		return "Sonstiges"
	}
	return string(k)
}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, x := range Kinds {
		if x == k {
			return true
		}
	}
	return false
}

// Document is one ingested text with its metadata. Text is the normalised
// text (UTF-8, NFC, hyphenation joined); every Evidence span points into it.
type Document struct {
	ID DocID `json:"id"`
	// File is the path relative to the folder that was ingested ("docs/18_x.txt"),
	// or the base name when a single file was named.
	File   string `json:"file"`
	Title  string `json:"title"`
	Source string `json:"source,omitempty"` // URL, or a note where unknown
	Date   Date   `json:"date,omitempty"`   // publication date
	Kind   Kind   `json:"kind"`
	// Land is the publishing Land, where the text or manifest says it.
	Land LandCode `json:"land,omitempty"`
	// Format is the file format the text came from: "txt", "md", "html", "pdf".
	Format string `json:"format,omitempty"`
	Text   string `json:"text,omitempty"`
	// ContentHash is the hex SHA-256 of the raw file bytes; an unchanged file is
	// not ingested again.
	ContentHash string `json:"content_hash,omitempty"`
	// Fingerprint is a near-duplicate sketch of Text.
	Fingerprint Fingerprint `json:"-"`
	// DuplicateOf names the document this one repeats (the same text under
	// another name or in another format), or "".
	DuplicateOf DocID `json:"duplicate_of"`
	// Laender, Topics and Series are what the text mentions, for facets.
	Laender []LandCode `json:"laender,omitempty"`
	Topics  []TopicID  `json:"topics,omitempty"`
	Series  []SeriesID `json:"series,omitempty"`
	// IngestedAt is when this version of the document was stored.
	IngestedAt time.Time `json:"ingested_at,omitempty"`
	// Demo marks a document of the embedded demo corpus, which is never
	// mixed with real documents unannounced ("laendergraph delete --demo").
	Demo bool `json:"demo,omitempty"`

	// spans, if set, speeds up EvidenceAt (see IndexSpans).
	spans *spanIndex
}
