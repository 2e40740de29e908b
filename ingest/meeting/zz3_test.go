package meeting
import ("fmt";"testing";"github.com/laendergraph/laendergraph/ingest/text")
func TestZZAgenda(t *testing.T) {
	for _, s := range []string{"Synergien aufzutun und in Sachen Digitalisierung zu nutzen, ist dabei ein Kernthema der D16 – und wo könnte das besser gelingen als auf der Smart Country Convention?", "Thematisch setzt die SCCON seit ihrem Start auf die Digitalisierung der Verwaltung und die Entwicklung smarter Städte und Regionen, kombiniert aber auch zeitgleich als Format Kongress, Workshops, Expo und Networking."} {
		for _, x := range text.Sentences(s) {
			st := &sent{text: x.Of(s), ws: words(x.Of(s))}
			v := view{st, 0, len(st.text)}
			fmt.Println(v.agendaStrength(), testExtractor.topicsOf(v))
		}
	}
}
