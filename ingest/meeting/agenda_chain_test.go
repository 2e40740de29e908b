package meeting

import (
	"slices"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// An agenda told over several sentences after the meeting sentence belongs
// to that meeting, each sentence continuing the one before.
func TestAgendaChain(t *testing.T) {
	tests := []struct {
		name, body string
		want       corpus.TopicID
	}{
		{"sprachen_ueber", "Am 3. Mai 2051 tagte die Digitalministerkonferenz in Kiel. Die Länder sprachen über digitale Souveränität.", "souveraenitaet"},
		// "Außerdem …" goes on with the agenda told sentences before, and
		// "das Gremium" is the body of the meeting
		// a list item of several sentences does not end the list
		{"list_items", "Am 3. Mai 2051 tagte der IT-Planungsrat in Kiel. Die Runde verständigte sich auf folgende Punkte:\n- Cloud: Die Länder bauen eine Cloud. Sie soll 2052 kommen.\n- Register: Die Registermodernisierung wird priorisiert.", "registermodernisierung"},
		{"ausserdem", "Am 3. Mai 2051 tagte der IT-Planungsrat in Kiel. Im Mittelpunkt stand die Cloud. Sie soll 2052 kommen. Die Kosten trägt der Bund. Ein Zeitplan fehlt noch. Außerdem befasste sich das Gremium mit der Registermodernisierung.", "registermodernisierung"},
	}
	for _, tt := range tests {
		doc := &corpus.Document{ID: corpus.NewDocID(tt.name), File: tt.name, Kind: corpus.KindPressRelease, Date: "2051-05-04", Text: tt.body}
		ms, _ := testExtractor.Extract(doc, text.Sentences(doc.Text))
		found := false
		for _, m := range ms {
			found = found || slices.Contains(m.Topics, tt.want)
		}
		if !found {
			t.Errorf("%s: no meeting with topic %s in %+v", tt.name, tt.want, ms)
		}
	}
}
