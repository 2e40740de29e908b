package main

import (
	"flag"
	"time"

	"github.com/laendergraph/laendergraph/ingest"
)

// limitFlags are the flags that bound the work on one ingested file.
type limitFlags struct {
	fileMB, pdfInflatedMB  int64
	pdfPages, htmlElements int
	pdfTimeout             time.Duration
}

func (l *limitFlags) register(fs *flag.FlagSet) {
	fs.Int64Var(&l.fileMB, "max-file-mb", ingest.DefaultMaxFileSize>>20, "largest file read, in MB; a larger file fails (-1: no limit)")
	fs.Int64Var(&l.pdfInflatedMB, "max-pdf-inflated-mb", ingest.DefaultMaxPDFInflated>>20, "most MB that the page contents of one PDF may inflate to (-1: no limit)")
	fs.IntVar(&l.pdfPages, "max-pdf-pages", ingest.DefaultMaxPDFPages, "most pages of one PDF (-1: no limit)")
	fs.IntVar(&l.htmlElements, "max-html-elements", ingest.DefaultMaxHTMLElements, "most elements of one HTML page (-1: no limit)")
	fs.DurationVar(&l.pdfTimeout, "pdf-timeout", ingest.DefaultPDFTimeout, "longest time spent reading one PDF (-1s: no limit)")
}

// limits returns the ingest.Limits the flags set.
func (l *limitFlags) limits() ingest.Limits {
	mb := func(n int64) int64 {
		if n < 0 {
			return -1
		}
		return n << 20
	}
	return ingest.Limits{
		MaxFileSize:     mb(l.fileMB),
		MaxPDFInflated:  mb(l.pdfInflatedMB),
		MaxPDFPages:     l.pdfPages,
		MaxHTMLElements: l.htmlElements,
		PDFTimeout:      l.pdfTimeout,
	}
}
