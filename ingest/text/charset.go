package text

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	encunicode "golang.org/x/text/encoding/unicode"
)

// ErrBinary reports bytes that are not text: NUL bytes or many control
// characters.
var ErrBinary = errors.New("not text: binary content")

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// Decode returns the text of a file's bytes as UTF-8. A byte order mark is
// removed (UTF-16 with a mark, or recognisably without one, is decoded);
// valid UTF-8 is kept as it is, and so is mostly valid UTF-8 (more valid
// multi-byte sequences than invalid bytes), with each run of invalid bytes
// replaced by U+FFFD. Other bytes are decoded in the character set
// that contentTypeHint names ("text/plain; charset=iso-8859-1") or, when the
// hint says HTML ("text/html"), that the page's meta tag declares; failing
// both, as Windows-1252, the superset of Latin-1 that German files without a
// declaration are written in. Binary content is rejected with ErrBinary.
func Decode(b []byte, contentTypeHint string) (string, error) {
	switch {
	case bytes.HasPrefix(b, bomUTF8):
		b = b[len(bomUTF8):]
	case bytes.HasPrefix(b, bomUTF16LE):
		return decodeWith(encunicode.UTF16(encunicode.LittleEndian, encunicode.IgnoreBOM), b[len(bomUTF16LE):])
	case bytes.HasPrefix(b, bomUTF16BE):
		return decodeWith(encunicode.UTF16(encunicode.BigEndian, encunicode.IgnoreBOM), b[len(bomUTF16BE):])
	}
	if e := sniffUTF16(b); e != nil {
		return decodeWith(e, b)
	}
	if binary(b) {
		return "", ErrBinary
	}
	if utf8.Valid(b) {
		return strings.TrimLeft(string(b), "\uFEFF"), nil
	}
	if mostlyUTF8(b) {
		// A few bad bytes in a UTF-8 file: replaced, the rest kept, not
		// the whole file read as Windows-1252 ("Baden-WÃ¼rttemberg").
		return strings.TrimLeft(strings.ToValidUTF8(string(b), "\uFFFD"), "\uFEFF"), nil
	}
	e := declaredEncoding(b, contentTypeHint)
	if e == nil {
		// Declared UTF-8 but not valid: keep what is valid.
		return strings.ToValidUTF8(string(b), "\uFFFD"), nil
	}
	return decodeWith(e, b)
}

// declaredEncoding returns the encoding that the hint's charset parameter or,
// for HTML, the page declares, Windows-1252 where nothing is declared, and
// nil where UTF-8 is declared.
func declaredEncoding(b []byte, hint string) encoding.Encoding {
	mediaType, params, err := mime.ParseMediaType(hint)
	if err != nil {
		mediaType = strings.ToLower(hint)
	}
	var e encoding.Encoding
	var name string
	switch {
	case params["charset"] != "":
		e, name = charset.Lookup(params["charset"])
	case strings.Contains(mediaType, "html"):
		e, name, _ = charset.DetermineEncoding(b, hint)
	}
	switch {
	case e == nil:
		return charmap.Windows1252
	case name == "utf-8":
		return nil
	}
	return e
}

// decodeWith decodes b with e and checks the result for binary content.
func decodeWith(e encoding.Encoding, b []byte) (string, error) {
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		return "", fmt.Errorf("decode text: %w", err)
	}
	s := strings.ToValidUTF8(string(out), "\uFFFD")
	if binaryText(s) {
		return "", ErrBinary
	}
	return strings.TrimLeft(s, "\uFEFF"), nil
}

// sniffUTF16 recognises UTF-16 without a byte order mark by its NUL bytes:
// mostly Latin text has every second byte zero.
func sniffUTF16(b []byte) encoding.Encoding {
	n := min(len(b), 1024) &^ 1
	if n < 8 {
		return nil
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*7 && even == 0:
		return encunicode.UTF16(encunicode.LittleEndian, encunicode.IgnoreBOM)
	case even*10 >= pairs*7 && odd == 0:
		return encunicode.UTF16(encunicode.BigEndian, encunicode.IgnoreBOM)
	}
	return nil
}

// binary reports whether b holds a NUL byte or more than 1 % control
// characters other than white space.
func binary(b []byte) bool {
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range b {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c == 0x7F {
			ctrl++
		}
	}
	return ctrl > 0 && ctrl*100 > len(b)
}

// binaryText is binary for decoded text: it also counts C1 control
// characters, which Windows-1252 decoding yields for undefined bytes.
func binaryText(s string) bool {
	ctrl, n := 0, 0
	for _, r := range s {
		n++
		if r == 0 {
			return true
		}
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' && r != '\f' && r != '\v' {
			ctrl++
		}
	}
	return ctrl > 0 && ctrl*100 > n
}

// mostlyUTF8 reports whether b, not valid UTF-8, has more valid multi-byte
// sequences than invalid bytes: a UTF-8 file with a few bad bytes. Text in a
// single-byte character set has almost no valid multi-byte sequences (a
// Windows-1252 letter followed by punctuation from 0x80–0xBF).
func mostlyUTF8(b []byte) bool {
	good, bad := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			good++
		}
		i += n
	}
	return good > bad
}
