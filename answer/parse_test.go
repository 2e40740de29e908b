package answer

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// parseCases are questions in German and English for every intent, with
// inflected Land names, ordinals as words and digits, and years.
var parseCases = []struct {
	name string
	q    string
	want Intent
}{
	{"topic_de", "Welche Länder haben eine Cyberwehr?", IntentLaenderWithTopic},
	{"topic_en", "Which Länder have a Cyberwehr?", IntentLaenderWithTopic},
	{"topic_plural_de", "Welche Bundesländer betreiben Cyberwehren?", IntentLaenderWithTopic},
	{"topic_strategy_de", "Welche Bundesländer haben eine Digitalstrategie?", IntentLaenderWithTopic},
	{"topic_bigram_de", "Welche Länder fördern die digitalen Identitäten?", IntentLaenderWithTopic},
	{"topic_land_de", "Hat Bayern eine Cyberwehr?", IntentLaenderWithTopic},
	{"topic_en_ai", "Which states have an AI strategy?", IntentLaenderWithTopic},
	{"topic_en_english_name", "Which Länder have a digital strategy?", IntentLaenderWithTopic},
	{"agenda_no_meeting_word_de", "Worüber haben die Digitalministerinnen und -minister im Mai 2051 in Kiel beraten?", IntentAgenda},
	// office holders of the Länder deliberating at a place, without a time
	{"agenda_office_holders_place_de", "Worüber haben die IT-Staatssekretäre der Länder in Schwerin beraten?", IntentAgenda},
	// "abgehalten" with "wo und wann" asks for a meeting
	{"meeting_held_de", "Wo und wann haben die Leitstellen die Übung Blackout 7 abgehalten?", IntentMeeting},
	// "held back" asks no meeting
	{"held_back_en", "Which states held back funds for broadband expansion in 2090?", IntentLaenderWithTopic},
	{"chair_de", "Wer hatte 2022 den Vorsitz der D16?", IntentChair},
	{"chair_long_name_de", "Wer hat 2025 den Vorsitz der Digitalministerkonferenz?", IntentChair},
	{"chair_en", "Who chaired the DMK in 2025?", IntentChair},
	{"chair_hyphen_de", "Welches Land übernimmt 2024 den DMK-Vorsitz?", IntentChair},
	{"chair_place_de", "Wer hatte beim Treffen in Heidelberg den Vorsitz?", IntentChair},
	{"meeting_first_de", "Wo und wann fand die erste Konferenz der Digitalkoordinatoren der Länder statt?", IntentMeeting},
	{"meeting_digit_en", "When did the 4th DMK take place?", IntentMeeting},
	{"participants_form_body_de", "Welche Länder arbeiten in der Bund-Länder-Arbeitsgruppe Datenräume mit?", IntentParticipants},
	{"meeting_members_de", "Wo haben sich die Innenminister der Länder im Juni 2031 getroffen?", IntentMeeting},
	{"meeting_digit_de", "Wann fand die 3. Digitalministerkonferenz statt?", IntentMeeting},
	{"meeting_word_de", "Wo tagte die vierte Digitalministerkonferenz?", IntentMeeting},
	// the present tense's plural: people who meet, named by no series
	{"meeting_present_plural_de", "Wann und wo tagen die Gleichstellungsbeauftragten der Länder im Herbst 2072?", IntentMeeting},
	{"meeting_place_de", "Wann tagte die D16 2023 in Berlin?", IntentMeeting},
	{"meeting_last_en", "Where was the latest meeting of the D16 held?", IntentMeeting},
	{"meeting_list_de", "Welche Treffen der D17 gab es?", IntentMeeting},
	{"who_does_for_body_de", "Wer entwickelt das Funkregister für den IT-Planungsrat?", IntentFallback},
	{"whom_for_body_de", "Wem hat der IT-Planungsrat das Funkregister übertragen?", IntentFallback},
	{"who_met_de", "Wer traf sich 2030 im IT-Planungsrat?", IntentMeeting},
	{"where_met_de", "Wo haben sich die Leiter der Landes-CERTs im April 2041 getroffen?", IntentMeeting},
	{"meeting_first_en", "Where did the first conference of the Länder digital coordinators take place?", IntentMeeting},
	{"agenda_de", "Welche Themen standen beim ersten Treffen der Digitalkoordinatoren 2019 in Potsdam auf der Tagesordnung?", IntentAgenda},
	{"agenda_en", "What was on the agenda of the first DMK?", IntentAgenda},
	{"agenda_discussed_de", "Worüber wurde auf der D16 in München beraten?", IntentAgenda},
	{"agenda_past_de", "Worüber berieten die Länder auf der 2. Digitalministerkonferenz in Kiel?", IntentAgenda},
	{"agenda_occupied_de", "Womit hat sich die D16 bei ihrem Treffen in Kiel beschäftigt?", IntentAgenda},
	{"agenda_table_de", "Was lag bei der Frühjahrssitzung der D16 in Kiel auf dem Tisch?", IntentAgenda},
	{"agenda_about_what_de", "Über was sprach die D16 bei ihrem Treffen in Kiel?", IntentAgenda},
	{"agenda_worum_de", "Worum ging es, als sich die Leiter der Landes-CERTs im März 2061 in Gera trafen?", IntentAgenda},
	{"agenda_table_en", "What was on the table at the D16 meeting in Kiel?", IntentAgenda},
	{"host_visit_de", "Bei welchem Land waren die D16 im Februar 2061 zu Gast?", IntentHost},
	{"agenda_befassen_de", "Womit befassten sich die Digitalminister beim D16-Treffen 2022?", IntentAgenda},
	{"participants_de", "Welche Länder nahmen am ersten D17-Treffen teil?", IntentParticipants},
	{"participants_en", "Which Länder attended the first DMK?", IntentParticipants},
	{"host_de", "Welches Land war Gastgeber der ersten Konferenz der Digitalkoordinatoren?", IntentHost},
	{"host_invited_de", "Wer hat zur ersten Digitalministerkonferenz eingeladen?", IntentHost},
	{"host_en", "Which Land hosted the 3rd DMK?", IntentHost},
	{"chair_led_de", "Welches Land leitete 2022 die D16?", IntentChair},
	{"chair_led_en", "Which Länder led the D16 in 2023?", IntentChair},
	{"strategy_de", "Welche Strategie hat Sachsen-Anhalt?", IntentStrategy},
	{"strategy_en", "Which digital strategy does Berlin have?", IntentStrategy},
	{"strategy_genitive_de", "Wie heißt Thüringens Digitalstrategie?", IntentStrategy},
	{"strategy_adjective_de", "Was steht in der hessischen Digitalstrategie?", IntentStrategy},
	{"strategy_year_de", "Welches Digitalprogramm hat Brandenburg 2022 beschlossen?", IntentStrategy},
	{"strategy_alias_de", "Welche Digitalstrategie hat NRW?", IntentStrategy},
	{"person_genitive_de", "Wer ist Brandenburgs Digitalkoordinator?", IntentPerson},
	{"person_en", "Who is the digital minister of Hessen?", IntentPerson},
	{"person_adjective_de", "Wer ist die bayerische Digitalministerin?", IntentPerson},
	{"person_exonym_en", "Who is the state secretary for digital affairs in Bavaria?", IntentPerson},
	{"person_cdo_de", "Wer ist CDO von Berlin?", IntentPerson},
	{"fallback_de", "Was ist das Onlinezugangsverfahren?", IntentFallback},
	{"fallback_en", "Tell me about Thomas Strobl", IntentFallback},
	{"fallback_empty", "", IntentFallback},
	{"fallback_punct", "?!„“", IntentFallback},
}

func TestParse(t *testing.T) {
	reg, th := corpus.Laender(), corpus.DefaultThesaurus()
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Parse(tc.q, reg, th)
			if got.Intent != tc.want {
				t.Errorf("Parse(%q).Intent: got %s, want %s", tc.q, got.Intent, tc.want)
			}
			b, err := json.MarshalIndent(struct {
				Question       string   `json:"question"`
				Interpretation Question `json:"interpretation"`
			}{tc.q, got}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", "TestParse", tc.name+".golden"), append(b, '\n'))
		})
	}
}

// golden compares got with the golden file, or rewrites it under -update.
func golden(tb testing.TB, path string, got []byte) {
	tb.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if !bytes.Equal(got, want) {
		tb.Errorf("%s: got\n%s\nwant\n%s", path, got, want)
	}
}

func TestParseEntities(t *testing.T) {
	reg, th := corpus.Laender(), corpus.DefaultThesaurus()
	tests := []struct {
		q       string
		land    corpus.LandCode
		topic   corpus.TopicID
		series  corpus.SeriesID
		year    int
		ordinal int
		place   string
		lang    string
	}{
		{"Welche Länder haben eine Cyberwehr?", "", "cyberwehr", "", 0, 0, "", "de"},
		{"Which Länder have a Cyberwehr?", "", "cyberwehr", "", 0, 0, "", "en"},
		{"Wer ist Brandenburgs Digitalkoordinator?", "BB", "", "", 0, 0, "", "de"},
		{"Was plant die baden-württembergische Landesregierung?", "BW", "", "", 0, 0, "", "de"},
		{"Welche Strategie hat NRW?", "NW", "", "", 0, 0, "", "de"},
		{"Welche Strategie hat Rheinland-Pfalz'?", "RP", "", "", 0, 0, "", "de"},
		{"Who is Hessen's digital minister?", "HE", "", "", 0, 0, "", "en"},
		{"Wann fand die 1. Konferenz der Digitalkoordinatoren statt?", "", "", "digitalkoordinatoren", 0, 1, "", "de"},
		{"Wann fand die zweite D16 statt?", "", "", "d16", 0, 2, "", "de"},
		{"When did the 3rd DMK take place?", "", "", "dmk", 0, 3, "", "en"},
		// the digital ministers of the Länder, as "die Digitalminister der Länder"
		{"Where did the digital ministers of the Länder meet in 2071?", "", "", "dmk", 2071, 0, "", "en"},
		{"Which states' digital ministers have announced a joint cloud?", "", "cloud", "", 0, 0, "", "en"},
		{"Wann fand die letzte DMK statt?", "", "", "dmk", 0, OrdinalLast, "", "de"},
		{"Wann tagte die D16 2023 in Berlin?", "BE", "", "d16", 2023, 0, "Berlin", "de"},
		{"Was geschah am 8. November 2023?", "", "", "", 2023, 0, "", "de"},
		{"Wann tagten die Digitalministerkonferenzen?", "", "", "dmk", 0, 0, "", "de"},
		{"Welche Länder haben offene Daten?", "", "open-data", "", 0, 0, "", "de"},
		{"Welche Länder bauen die digitale Verwaltung aus?", "", "verwaltung", "", 0, 0, "", "de"},
		{"Welche Länder haben eine Cybersicherheitsagentur?", "", "cybersicherheit", "", 0, 0, "", "de"},
		{"In welchen Ländern gibt es eine Cyberwehr?", "", "cyberwehr", "", 0, 0, "", "de"},
		{"Welche Länder haben eine KI-Strategie?", "", "ki", "", 0, 0, "", "de"},
		{"Welche Länder bauen eine Landescyberwehr auf?", "", "cyberwehr", "", 0, 0, "", "de"},
		{"Welche Länder fördern die Weiterbildung?", "", "", "", 0, 0, "", "de"},
		{"Wann fand die konstituierende Sitzung der DMK statt?", "", "", "dmk", 0, 1, "", "de"},
		{"Wo war das Gründungstreffen der D17?", "", "", "d17", 0, 1, "", "de"},
		{"When was the inaugural DMK meeting?", "", "", "dmk", 0, 1, "", "en"},
		// the members of a conference, with a verb of meeting, or not
		{"Wo kamen die Innenminister 2032 zusammen?", "", "", "imk", 2032, 0, "", "de"},
		{"Welche Länder haben die Innenminister gelobt?", "", "", "", 0, 0, "", "de"},
		{"Wo trafen sich die Digitalminister 2031 zum D17-Treffen?", "", "", "d17", 2031, 0, "", "de"},
		// a meeting of the members, in either gender
		{"Wann tagte die Frühjahrskonferenz der Innenministerinnen und Innenminister 2033?", "", "", "imk", 2033, 0, "", "de"},
		{"Wo war das Treffen der Innenministerinnen 2033?", "", "", "imk", 2033, 0, "", "de"},
		{"Wo kamen die Innenministerinnen der Länder 2033 zusammen?", "", "", "imk", 2033, 0, "", "de"},
		// English names of the series
		{"When and where did the heads of the state chancelleries meet in June 2046?", "", "", "cdsk", 2046, 0, "", "en"},
		// the members of a ministers' conference with a word of hosting
		{"Welches Land empfängt die Digitalminister im Herbst 2076 als Gastgeber?", "", "", "dmk", 2076, 0, "", "de"},
		// the members in the dative, with a word of the agenda
		{"Was stand bei den Digitalministern in Bremerhaven auf der Tagesordnung?", "", "", "dmk", 0, 0, "Bremerhaven", "de"},
		// a year of the 22nd century is a year too
		{"Welches Land empfängt die Digitalminister im Herbst 2101 als Gastgeber?", "", "", "dmk", 2101, 0, "", "de"},
		// the members a conference's name names, with a verb of meeting
		{"Wo treffen sich die Datenschutzaufsichtsbehörden im Frühjahr 2075?", "", "", "dsk", 2075, 0, "", "de"},
		{"Welche Länder haben die Datenschutzaufsichtsbehörden gelobt?", "", "", "", 0, 0, "", "de"},
		// with words that do not change the name
		{"When and where did the heads of the Länder state chancelleries meet in June 2046?", "", "", "cdsk", 2046, 0, "", "en"},
		{"Where did the German data protection authorities meet in spring 2061?", "", "", "dsk", 2061, 0, "", "en"},
		{"Where did the interior ministers meet in 2033?", "", "", "imk", 2033, 0, "", "en"},
		// a building named by its town's adjective
		{"Worüber sprachen die Digitalminister bei ihrem Treffen im Erfurter Augustinerkloster?", "", "", "dmk", 0, 0, "Erfurt", "de"},
		{"Wer tagte am Potsdamer Platz?", "", "", "", 0, 0, "", "de"},
		{"Wer tagte in der Potsdamer Straße?", "", "", "", 0, 0, "", "de"},
		{"Wann trafen sich die Digitalminister in der Kieler Staatskanzlei?", "", "", "dmk", 0, 0, "Kiel", "de"},
	}
	for _, tc := range tests {
		t.Run(tc.q, func(t *testing.T) {
			got := Parse(tc.q, reg, th)
			if got.Land != tc.land || got.Topic != tc.topic || got.Series != tc.series || got.Year != tc.year ||
				got.Ordinal != tc.ordinal || got.Place != tc.place || got.Lang != tc.lang {
				t.Errorf("got land=%q topic=%q series=%q year=%d ordinal=%d place=%q lang=%s, want land=%q topic=%q series=%q year=%d ordinal=%d place=%q lang=%s",
					got.Land, got.Topic, got.Series, got.Year, got.Ordinal, got.Place, got.Lang,
					tc.land, tc.topic, tc.series, tc.year, tc.ordinal, tc.place, tc.lang)
			}
		})
	}
}

func TestParseRole(t *testing.T) {
	reg, th := corpus.Laender(), corpus.DefaultThesaurus()
	tests := []struct {
		q    string
		want []string
	}{
		{"Wer ist Brandenburgs Digitalkoordinator?", []string{"digital", "koordinator"}},
		{"Who is the digital minister of Hessen?", []string{"digital", "minister"}},
		{"Wer ist Ministerpräsident von Bayern?", []string{"ministerpraesident"}},
		{"Wer ist Staatssekretärin in Berlin?", []string{"staatssekretaer"}},
		{"Wer ist in Berlin zuständig?", nil},
		{"Wer hat 2025 den Vorsitz der Digitalministerkonferenz?", nil},
	}
	for _, tc := range tests {
		t.Run(tc.q, func(t *testing.T) {
			if got := Parse(tc.q, reg, th).Role; !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, tc := range parseCases {
		f.Add(tc.q)
	}
	// Seed also from the questions in the golden files.
	files, _ := filepath.Glob(filepath.Join("testdata", "TestParse", "*.golden"))
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		var g struct {
			Question string `json:"question"`
		}
		if err := json.Unmarshal(b, &g); err == nil {
			f.Add(g.Question)
		}
	}
	reg, th := corpus.Laender(), corpus.DefaultThesaurus()
	intents := []Intent{IntentLaenderWithTopic, IntentChair, IntentMeeting, IntentAgenda, IntentParticipants, IntentHost, IntentStrategy, IntentPerson, IntentFallback}
	f.Fuzz(func(t *testing.T, q string) {
		got := Parse(q, reg, th)
		if !slices.Contains(intents, got.Intent) {
			t.Fatalf("Parse(%q): unknown intent %q", q, got.Intent)
		}
		if got.Land != "" {
			if _, ok := reg.Get(got.Land); !ok {
				t.Errorf("Parse(%q): got unknown Land %q", q, got.Land)
			}
		}
		if got.Topic != "" {
			if _, ok := th.Get(got.Topic); !ok {
				t.Errorf("Parse(%q): got unknown topic %q", q, got.Topic)
			}
		}
		if got.Series != "" {
			// a registered series, or a body the question names by its form
			if _, ok := corpus.SeriesByID(got.Series); !ok && got.Series != formBody(q) {
				t.Errorf("Parse(%q): got unknown series %q", q, got.Series)
			}
		}
		if got.Year != 0 && (got.Year < 1900 || got.Year > 2099) {
			t.Errorf("Parse(%q): got year %d", q, got.Year)
		}
		if got.Lang != "de" && got.Lang != "en" {
			t.Errorf("Parse(%q): got lang %q", q, got.Lang)
		}
		if got.Intent == IntentStrategy && got.Land == "" || got.Intent == IntentLaenderWithTopic && got.Topic == "" {
			t.Errorf("Parse(%q): intent %s without its entity", q, got.Intent)
		}
		if utf8.ValidString(q) {
			for _, k := range got.Keywords {
				if !utf8.ValidString(k) {
					t.Errorf("Parse(%q): invalid keyword %q", q, k)
				}
			}
		}
		if _, err := json.Marshal(got); err != nil {
			t.Errorf("Parse(%q): marshal: %v", q, err)
		}
	})
}
