package answer_test

import (
	"fmt"

	"github.com/laendergraph/laendergraph/answer"
	"github.com/laendergraph/laendergraph/corpus"
)

func ExampleParse() {
	reg, th := corpus.Laender(), corpus.DefaultThesaurus()
	for _, q := range []string{
		"Welche Länder haben Cyberwehren?",
		"Wer hatte 2022 den Vorsitz der D16?",
		"When did the 4th DMK take place?",
		"Wer ist Brandenburgs Digitalkoordinator?",
	} {
		p := answer.Parse(q, reg, th)
		fmt.Printf("%s topic=%q land=%q series=%q year=%d ordinal=%d\n", p.Intent, p.Topic, p.Land, p.Series, p.Year, p.Ordinal)
	}
	// Output:
	// laender_with_topic topic="cyberwehr" land="" series="" year=0 ordinal=0
	// chair topic="" land="" series="d16" year=2022 ordinal=0
	// meeting_when_where topic="" land="" series="dmk" year=0 ordinal=4
	// person topic="" land="BB" series="" year=0 ordinal=0
}
