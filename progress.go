package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/laendergraph/laendergraph/ingest"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// newProgress returns a progress reporter for ingest: a bar on a terminal,
// plain lines otherwise. Failures and skips are always printed.
func newProgress(w io.Writer, quiet bool) ingest.Progress {
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) && !quiet {
		return &barProgress{w: w}
	}
	return &lineProgress{w: w, quiet: quiet}
}

// reason returns the reason of a file's failure without repeating its path.
func reason(err error) error {
	var fe ingest.FileError
	if errors.As(err, &fe) {
		return fe.Err
	}
	return err
}

// lineProgress prints one line per file.
type lineProgress struct {
	mu    sync.Mutex
	w     io.Writer
	quiet bool
	total int
	n     int
}

func (p *lineProgress) Start(total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = total
	if !p.quiet {
		fmt.Fprintf(p.w, "ingest: %d file(s) found\n", total)
	}
}

func (p *lineProgress) Step(file string, o ingest.Outcome, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	switch {
	case err != nil:
		fmt.Fprintf(p.w, "ingest: [%d/%d] %s %s: %v\n", p.n, p.total, o, file, reason(err))
	case !p.quiet:
		fmt.Fprintf(p.w, "ingest: [%d/%d] %s %s\n", p.n, p.total, o, file)
	}
}

func (p *lineProgress) Done() {}

// barProgress draws a progress bar on a terminal.
type barProgress struct {
	mu  sync.Mutex
	w   io.Writer
	bar *progressbar.ProgressBar
}

func (p *barProgress) Start(total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(p.w),
		progressbar.OptionSetDescription("ingest"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("files"),
		progressbar.OptionClearOnFinish(),
	)
}

func (p *barProgress) Step(file string, o ingest.Outcome, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err != nil {
		p.bar.Clear()
		fmt.Fprintf(p.w, "ingest: %s %s: %v\n", o, file, reason(err))
	}
	p.bar.Add(1)
}

func (p *barProgress) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Finish()
	}
}
