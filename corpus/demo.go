package corpus

import (
	"embed"
	"io/fs"
)

//go:embed demo
var demoFiles embed.FS

// Demo returns the embedded demo corpus: short German documents written by
// the laendergraph team from public facts (each cites its source URL), with a
// manifest "sources.jsonl" in the form of a crawler's manifest. The folder
// "docs" holds the texts.
func Demo() fs.FS {
	sub, err := fs.Sub(demoFiles, "demo")
	if err != nil {
		panic(err) // "demo" is embedded above; fs.Sub only fails on a bad name
	}
	return sub
}
