package main

import (
	"strings"
	"testing"
)

func TestExportFormats(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args   []string
		status int
		want   string
	}{
		{[]string{"--format", "graphml"}, 0, `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">`},
		{[]string{"--format", "gexf", "--kind", "land,topic", "--land", "BW"}, 0, `<gexf xmlns="http://gexf.net/1.3" version="1.3">`},
		{[]string{"--format", "nquads"}, 0, ""},
		{[]string{"--format", "xml"}, 2, "nquads, graphml or gexf"},
		{[]string{"--format", "gexf", "--kind", "planet"}, 2, "unbekannte Knotenart „planet“"},
		{[]string{"--format", "nquads", "--land", "BW"}, 2, "filter graphml and gexf only"},
		{[]string{"--format", "gexf", "--from", "2019-13"}, 2, "take dates like"},
		{[]string{"--format", "gexf", "--from", "2019", "--to", "2020"}, 0, "<gexf"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, errOut := cli(t, append([]string{"export", "--data", dir}, tc.args...)...)
			if code != tc.status {
				t.Fatalf("status: got %d, want %d (%s)", code, tc.status, errOut)
			}
			if !strings.Contains(out+errOut, tc.want) {
				t.Errorf("output: got %q, want it to contain %q", out+errOut, tc.want)
			}
		})
	}
}
