package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// evidenceJSON is the part of an API evidence object the CLI prints.
type evidenceJSON struct {
	File   string `json:"file"`
	Date   string `json:"date"`
	Quote  string `json:"quote"`
	Source string `json:"source"`
}

var markReplacer = strings.NewReplacer("<mark>", "»", "</mark>", "«")

func printSearch(w io.Writer, body []byte) error {
	var r struct {
		Total      int    `json:"total"`
		DidYouMean string `json:"did_you_mean"`
		Next       string `json:"next"`
		Hits       []struct {
			Doc struct {
				File  string `json:"file"`
				Title string `json:"title"`
				Date  string `json:"date"`
				Kind  string `json:"kind"`
			} `json:"doc"`
			Highlights []string `json:"highlights"`
		} `json:"hits"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return fmt.Errorf("read search result: %w", err)
	}
	fmt.Fprintf(w, "%d hit(s)\n", r.Total)
	if r.DidYouMean != "" {
		fmt.Fprintf(w, "did you mean: %s\n", r.DidYouMean)
	}
	for i, h := range r.Hits {
		fmt.Fprintf(w, "\n%2d. %s\n    %s", i+1, h.Doc.Title, h.Doc.File)
		if h.Doc.Date != "" {
			fmt.Fprintf(w, " · %s", h.Doc.Date)
		}
		if h.Doc.Kind != "" {
			fmt.Fprintf(w, " · %s", h.Doc.Kind)
		}
		fmt.Fprintln(w)
		for _, hl := range h.Highlights {
			fmt.Fprintf(w, "    … %s …\n", markReplacer.Replace(hl))
		}
	}
	if r.Next != "" {
		fmt.Fprintf(w, "\n(more hits: use --limit or the API's cursor)\n")
	}
	return nil
}

func printAnswer(w io.Writer, body []byte) error {
	var r struct {
		Text   string `json:"text"`
		Answer struct {
			Laender []struct {
				Code     string         `json:"code"`
				Name     string         `json:"name"`
				Evidence []evidenceJSON `json:"evidence"`
			} `json:"laender"`
			Meetings []struct {
				Start       string         `json:"start"`
				End         string         `json:"end"`
				Place       string         `json:"place"`
				Series      string         `json:"series"`
				SeriesLabel string         `json:"series_label"`
				Evidence    []evidenceJSON `json:"evidence"`
			} `json:"meetings"`
			Topics []struct {
				Label string `json:"label"`
			} `json:"topics"`
			People []struct {
				Name     string         `json:"name"`
				Role     string         `json:"role"`
				Evidence []evidenceJSON `json:"evidence"`
			} `json:"people"`
			Strategies []struct {
				Title    string         `json:"title"`
				Year     int            `json:"year"`
				Evidence []evidenceJSON `json:"evidence"`
			} `json:"strategies"`
			Documents []struct {
				Doc struct {
					File  string `json:"file"`
					Title string `json:"title"`
				} `json:"doc"`
			} `json:"documents"`
		} `json:"answer"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return fmt.Errorf("read answer: %w", err)
	}
	fmt.Fprintln(w, r.Text)
	a := r.Answer
	for _, l := range a.Laender {
		fmt.Fprintf(w, "\n%s %s\n", l.Code, l.Name)
		printEvidence(w, l.Evidence)
	}
	for i, m := range a.Meetings {
		if i == 3 {
			fmt.Fprintf(w, "\n(+%d more meetings)\n", len(a.Meetings)-3)
			break
		}
		when := m.Start
		if m.End != "" && m.End != m.Start {
			when += " – " + m.End
		}
		series := m.SeriesLabel
		if series == "" {
			series = m.Series
		}
		fmt.Fprintf(w, "\n%s %s %s\n", series, when, m.Place)
		printEvidence(w, m.Evidence)
	}
	if len(a.Topics) > 0 {
		labels := make([]string, len(a.Topics))
		for i, t := range a.Topics {
			labels[i] = t.Label
		}
		fmt.Fprintf(w, "\nThemen: %s\n", strings.Join(labels, ", "))
	}
	for _, p := range a.People {
		fmt.Fprintf(w, "\n%s — %s\n", p.Name, p.Role)
		printEvidence(w, p.Evidence)
	}
	for _, s := range a.Strategies {
		fmt.Fprintf(w, "\n%s", s.Title)
		if s.Year > 0 {
			fmt.Fprintf(w, " (%d)", s.Year)
		}
		fmt.Fprintln(w)
		printEvidence(w, s.Evidence)
	}
	for _, d := range a.Documents {
		fmt.Fprintf(w, "  - %s (%s)\n", d.Doc.Title, d.Doc.File)
	}
	return nil
}

// printEvidence prints up to three pieces of evidence.
func printEvidence(w io.Writer, ev []evidenceJSON) {
	for i, e := range ev {
		if i == 3 {
			fmt.Fprintf(w, "    (+%d more)\n", len(ev)-3)
			return
		}
		q := e.Quote
		if r := []rune(q); len(r) > 200 {
			q = string(r[:200]) + "…"
		}
		fmt.Fprintf(w, "    „%s“\n      — %s", nestQuotes(q), e.File)
		if e.Date != "" {
			fmt.Fprintf(w, ", %s", e.Date)
		}
		if e.Source != "" {
			fmt.Fprintf(w, ", %s", e.Source)
		}
		fmt.Fprintln(w)
	}
}

// nestQuotes turns the quotation marks inside a quote into single ones, as
// German nests quotes („… ‚Cyberwehr‘ …“), so a quote that opens with one
// is not shown as „„…“.
var nestQuotes = strings.NewReplacer("„", "‚", "“", "‘", "”", "’").Replace
