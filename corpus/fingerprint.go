package corpus

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Fingerprint is a bottom-k sketch of the word 4-grams of a text: the k
// smallest 64-bit shingle hashes, plus the number of distinct shingles. Two
// fingerprints estimate how much of the shorter text the longer one contains,
// which finds the same press release as a web page and as a PDF.
type Fingerprint struct {
	Shingles int      // distinct shingles in the text
	Min      []uint64 // the smallest shingle hashes, ascending
}

const (
	fingerprintK     = 256
	fingerprintWidth = 4
	// DuplicateThreshold is the containment from which two documents count as
	// the same text.
	DuplicateThreshold = 0.8
	// MinDuplicateShingles is the fewest distinct shingles a text needs to
	// count as the same text as another.
	MinDuplicateShingles = 20
)

// NewFingerprint computes the fingerprint of text. Case, umlaut spelling,
// punctuation and markup characters do not matter.
func NewFingerprint(text string) Fingerprint {
	// the words of Fold(text): what Fold does to white space is left out,
	// as white space separates words anyway
	words := fingerprintWords(strings.ToLower(folder.Replace(text)))
	all := make([]uint64, 0, max(0, len(words)-fingerprintWidth+1))
	for i := 0; i+fingerprintWidth <= len(words); i++ {
		all = append(all, shingleHash(words[i:i+fingerprintWidth]))
	}
	// the distinct hashes, ascending
	slices.Sort(all)
	all = slices.Compact(all)
	shingles := len(all)
	if len(all) > fingerprintK {
		all = append([]uint64(nil), all[:fingerprintK]...) // not the whole array
	}
	return Fingerprint{Shingles: shingles, Min: all}
}

// fingerprintWords returns the runs of letters and digits of s, as
// strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) &&
// !unicode.IsDigit(r) }) does, testing ASCII without the Unicode tables.
func fingerprintWords(s string) []string {
	var out []string
	start := -1 // of the current word, or -1
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		var word bool
		if r < utf8.RuneSelf {
			word = 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
		} else {
			r, n = utf8.DecodeRuneInString(s[i:])
			word = unicode.IsLetter(r) || unicode.IsDigit(r)
		}
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
		i += n
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// shingleHash is the 64-bit FNV-1a hash of the words, each followed by a
// space.
func shingleHash(words []string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			h = (h ^ uint64(w[i])) * prime
		}
		h = (h ^ ' ') * prime
	}
	return h
}

// Containment estimates the share of the shorter text's shingles that the
// other text contains, from 0 to 1.
func (f Fingerprint) Containment(g Fingerprint) float64 {
	if f.Shingles == 0 || g.Shingles == 0 {
		return 0
	}
	// Bottom-k of the union, then the share of it found in both sketches.
	inF := map[uint64]bool{}
	for _, h := range f.Min {
		inF[h] = true
	}
	inG := map[uint64]bool{}
	for _, h := range g.Min {
		inG[h] = true
	}
	union := make([]uint64, 0, len(f.Min)+len(g.Min))
	union = append(union, f.Min...)
	for _, h := range g.Min {
		if !inF[h] {
			union = append(union, h)
		}
	}
	sort.Slice(union, func(i, j int) bool { return union[i] < union[j] })
	k := min(fingerprintK, len(union))
	both := 0
	for _, h := range union[:k] {
		if inF[h] && inG[h] {
			both++
		}
	}
	j := float64(both) / float64(k)
	inter := j * float64(f.Shingles+g.Shingles) / (1 + j)
	c := inter / float64(min(f.Shingles, g.Shingles))
	return min(c, 1)
}

// SameText reports whether f and g are near-duplicates.
func (f Fingerprint) SameText(g Fingerprint) bool {
	if min(f.Shingles, g.Shingles) < MinDuplicateShingles {
		return false
	}
	return f.Containment(g) >= DuplicateThreshold
}

// String encodes f for storage as "shingles;" and the hashes as 8 bytes
// each, big-endian, in unpadded base64: 2.7 kB for a full sketch, against
// 4.3 kB in the earlier "shingles:hex,hex,…" form, which ParseFingerprint
// still reads. The fingerprint is the largest value of a document in the
// graph, so its size is most of what the graph store writes and compacts.
func (f Fingerprint) String() string {
	raw := make([]byte, 8*len(f.Min))
	for i, h := range f.Min {
		binary.BigEndian.PutUint64(raw[8*i:], h)
	}
	n := strconv.Itoa(f.Shingles)
	b := make([]byte, 0, len(n)+1+base64.RawStdEncoding.EncodedLen(len(raw)))
	b = append(b, n...)
	b = append(b, ';')
	return string(base64.RawStdEncoding.AppendEncode(b, raw))
}

// ParseFingerprint decodes the form written by Fingerprint.String and the
// earlier hexadecimal form.
func ParseFingerprint(s string) (Fingerprint, error) {
	if s == "" {
		return Fingerprint{}, nil
	}
	if n, rest, ok := strings.Cut(s, ";"); ok {
		var f Fingerprint
		var err error
		if f.Shingles, err = strconv.Atoi(n); err != nil {
			return Fingerprint{}, fmt.Errorf("parse fingerprint: %w", err)
		}
		raw, err := base64.RawStdEncoding.DecodeString(rest)
		if err != nil {
			return Fingerprint{}, fmt.Errorf("parse fingerprint: %w", err)
		}
		if len(raw)%8 != 0 {
			return Fingerprint{}, fmt.Errorf("parse fingerprint: %d bytes of hashes: %w", len(raw), ErrInvalid)
		}
		if len(raw) > 0 {
			f.Min = make([]uint64, len(raw)/8)
			for i := range f.Min {
				f.Min[i] = binary.BigEndian.Uint64(raw[8*i:])
			}
		}
		return f, nil
	}
	n, rest, ok := strings.Cut(s, ":")
	if !ok {
		return Fingerprint{}, fmt.Errorf("parse fingerprint: no count: %w", ErrInvalid)
	}
	var f Fingerprint
	var err error
	if f.Shingles, err = strconv.Atoi(n); err != nil {
		return Fingerprint{}, fmt.Errorf("parse fingerprint: %w", err)
	}
	if rest == "" {
		return f, nil
	}
	for _, p := range strings.Split(rest, ",") {
		h, err := strconv.ParseUint(p, 16, 64)
		if err != nil {
			return Fingerprint{}, fmt.Errorf("parse fingerprint: %w", err)
		}
		f.Min = append(f.Min, h)
	}
	return f, nil
}
