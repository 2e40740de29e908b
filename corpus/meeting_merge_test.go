package corpus

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// ev returns evidence from document doc published on date.
func mmEv(doc string, date Date, quote string) Evidence {
	return Evidence{Doc: DocID(doc), File: doc + ".txt", Date: date, Quote: quote, Span: [2]int{0, len([]rune(quote))}}
}

func mmLands(cs ...LandCode) []LandCode { return cs }

func TestMergeMeetings(t *testing.T) {
	first := func(doc string, pub, start Date) MeetingMention {
		return MeetingMention{Series: "digitalkoordinatoren", Ordinal: 1, Start: start, Place: "Potsdam", Evidence: mmEv(doc, pub, "erste Konferenz in "+doc)}
	}
	tests := []struct {
		name  string
		in    []MeetingMention
		terms []ChairTerm
		check func(t *testing.T, got []Meeting)
	}{
		{
			name: "same ordinal, one source disagrees on the date",
			in: []MeetingMention{
				first("a", "2019-06-19", "2019-06-21"),
				first("b", "2019-06-21", "2019-06-21"),
				first("c", "2019-06-26", "2019-06-21"),
				first("d", "", "2019-06-19"),
			},
			check: func(t *testing.T, got []Meeting) {
				m := mmOne(t, got)
				if m.Start != "2019-06-21" {
					t.Errorf("start: got %s, want 2019-06-21", m.Start)
				}
				want := []Conflict{{Field: "start", Value: "2019-06-19", Chosen: "2019-06-21", Evidence: []Evidence{mmEv("d", "", "erste Konferenz in d")}}}
				if !reflect.DeepEqual(m.Conflicts, want) {
					t.Errorf("conflicts: got %+v, want %+v", m.Conflicts, want)
				}
				if len(m.Evidence) != 4 {
					t.Errorf("evidence: got %d, want 4", len(m.Evidence))
				}
			},
		},
		{
			name: "no ordinal, same place, one report a day off",
			in: []MeetingMention{
				{Series: "dmk", Start: "2040-03-09", Place: "Kiel", Hosts: mmLands("SH"), Evidence: mmEv("inv", "2040-03-05", "am Freitag in Kiel")},
				{Series: "dmk", Start: "2040-03-09", Place: "Kiel", Evidence: mmEv("pm", "2040-03-09", "heute in Kiel")},
				{Series: "dmk", Start: "2040-03-08", Place: "Kiel", Evidence: mmEv("mag", "2040-03-20", "am Donnerstag in Kiel")},
			},
			check: func(t *testing.T, got []Meeting) {
				m := mmOne(t, got)
				if m.Start != "2040-03-09" || len(m.Conflicts) != 1 || m.Conflicts[0].Value != "2040-03-08" {
					t.Errorf("got start %s conflicts %+v, want 2040-03-09 with a conflict 2040-03-08", m.Start, m.Conflicts)
				}
			},
		},
		{
			name: "tie goes to the minutes over a report published before them",
			in: func() []MeetingMention {
				rec := mmEv("rec", "2040-05-20", "Sitzung am 16. Mai 2040 in Kiel")
				rec.Title = "Beschlussprotokoll der Sitzung vom 16. Mai 2040"
				return []MeetingMention{
					{Series: "cdsk", Start: "2040-05-17", Place: "Kiel", Evidence: mmEv("news", "2040-05-18", "Am Donnerstag, 17. Mai, kamen sie in Kiel zusammen")},
					{Series: "cdsk", Start: "2040-05-16", Place: "Kiel", Evidence: rec},
				}
			}(),
			check: func(t *testing.T, got []Meeting) {
				m := mmOne(t, got)
				if m.Start != "2040-05-16" || len(m.Conflicts) != 1 || m.Conflicts[0].Value != "2040-05-17" {
					t.Errorf("got start %s conflicts %+v, want 2040-05-16 with a conflict 2040-05-17", m.Start, m.Conflicts)
				}
			},
		},
		{
			name: "same place, a week apart: two meetings",
			in: []MeetingMention{
				{Series: "dmk", Start: "2040-03-09", Place: "Kiel", Evidence: mmEv("a", "2040-03-05", "am 9. März in Kiel")},
				{Series: "dmk", Start: "2040-03-16", Place: "Kiel", Evidence: mmEv("b", "2040-03-20", "am 16. März in Kiel")},
			},
			check: func(t *testing.T, got []Meeting) {
				if len(got) != 2 {
					t.Errorf("got %d meetings, want 2", len(got))
				}
			},
		},
		{
			name: "tie goes to the value published first",
			in: []MeetingMention{
				first("late", "2019-07-01", "2019-06-22"),
				first("early", "2019-06-01", "2019-06-21"),
			},
			check: func(t *testing.T, got []Meeting) {
				m := mmOne(t, got)
				if m.Start != "2019-06-21" || len(m.Conflicts) != 1 || m.Conflicts[0].Value != "2019-06-22" {
					t.Errorf("got start %s conflicts %+v, want 2019-06-21 with a conflict 2019-06-22", m.Start, m.Conflicts)
				}
			},
		},
		{
			name: "partial and full date at the same place",
			in: []MeetingMention{
				{Series: "d16", Start: "2023", Place: "Berlin", Evidence: mmEv("a", "", "x")},
				{Series: "d16", Start: "2023-11-08", End: "2023-11-09", Place: "Berlin", Evidence: mmEv("b", "2023-06-30", "y")},
				{Series: "d16", Start: "2023-11-09", Place: "Berlin", Chairs: mmLands("BE"), Evidence: mmEv("c", "2023-11-07", "z")},
				{Series: "d16", Start: "2023-11", Evidence: mmEv("d", "2023-06-27", "w")},
			},
			check: func(t *testing.T, got []Meeting) {
				m := mmOne(t, got)
				if m.Start != "2023-11-08" || m.End != "2023-11-09" || len(m.Conflicts) != 0 {
					t.Errorf("got %s–%s conflicts %+v, want 2023-11-08–2023-11-09 without conflicts", m.Start, m.End, m.Conflicts)
				}
			},
		},
		{
			name: "announced for a season, reported without date",
			in: []MeetingMention{
				{Series: "d16", Start: "2027", Place: "Schwerin", Planned: true, Evidence: mmEv("plan", "", "Im Frühjahr 2027 in Schwerin")},
				{Series: "d16", Place: "Schwerin", Chairs: mmLands("MV"), Evidence: mmEv("report", "2027-05-02", "bei ihrem Treffen in Schwerin")},
				{Series: "d16", Start: "2027-11", Evidence: mmEv("report", "2027-05-02", "bis zur Sitzung im November")},
			},
			check: func(t *testing.T, got []Meeting) {
				if len(got) != 2 {
					t.Fatalf("got %d meetings, want 2: %+v", len(got), got)
				}
				m := got[0]
				if m.Start != "2027" || m.Place != "Schwerin" || !reflect.DeepEqual(m.Chairs, mmLands("MV")) || m.Planned {
					t.Errorf("got %s %s chairs %v planned %v, want 2027 Schwerin chairs [MV], held", m.Start, m.Place, m.Chairs, m.Planned)
				}
			},
		},
		{
			name: "series and its continuation on the same day",
			in: []MeetingMention{
				{Series: "d16", Start: "2023-11-09", Evidence: mmEv("a", "", "x")},
				{Series: "dmk", Start: "2023-11-09", Evidence: mmEv("b", "", "y")},
				{Series: "d17", Start: "2023-11-09", Evidence: mmEv("c", "", "z")},
			},
			check: func(t *testing.T, got []Meeting) {
				if len(got) != 2 {
					t.Fatalf("got %d meetings, want 2 (d16/dmk and d17)", len(got))
				}
				if got[0].Series != "d17" || got[1].Series != "dmk" || len(got[1].Evidence) != 2 {
					t.Errorf("got series %s, %s, want d17 and dmk (the continuation wins a tie) with 2 evidence", got[0].Series, got[1].Series)
				}
			},
		},
		{
			name: "different ordinals and one document stay apart",
			in: []MeetingMention{
				{Series: "dmk", Ordinal: 2, Evidence: mmEv("a", "", "x")},
				{Series: "dmk", Ordinal: 3, Evidence: mmEv("b", "", "y")},
				{Series: "dmk", Place: "Mainz", Evidence: mmEv("c", "", "p")},
				{Series: "dmk", Place: "Mainz", Planned: true, Evidence: mmEv("c", "", "q")},
			},
			check: func(t *testing.T, got []Meeting) {
				if len(got) != 4 {
					t.Errorf("got %d meetings, want 4", len(got))
				}
			},
		},
		{
			name: "undated mention joins by place within its publication year",
			in: []MeetingMention{
				{Series: "d16", Start: "2023", Place: "München", Planned: true, Evidence: mmEv("a", "", "x")},
				{Series: "d16", Place: "München", Chairs: mmLands("BY"), Topics: []TopicID{"ki"}, Evidence: mmEv("b", "2023-06-27", "y")},
				{Series: "d16", Place: "München", Evidence: mmEv("c", "2019-01-01", "z")},
			},
			check: func(t *testing.T, got []Meeting) {
				if len(got) != 2 {
					t.Fatalf("got %d meetings, want 2", len(got))
				}
				m := got[0]
				if m.Start != "2023" || !reflect.DeepEqual(m.Chairs, mmLands("BY")) || m.Planned || len(m.Evidence) != 2 {
					t.Errorf("got %+v, want München 2023 chaired by BY, not planned, 2 evidence", m)
				}
			},
		},
		{
			name: "place conflict and a more precise place",
			in: []MeetingMention{
				{Series: "dmk", Ordinal: 3, Place: "Mainz", Evidence: mmEv("a", "", "x")},
				{Series: "dmk", Ordinal: 3, Place: "Mainz", Evidence: mmEv("b", "", "y")},
				{Series: "dmk", Ordinal: 3, Place: "Koblenz", Evidence: mmEv("c", "", "z")},
				{Series: "d16", Ordinal: 1, Place: "Heidelberg", Evidence: mmEv("d", "", "u")},
				{Series: "d16", Ordinal: 1, Place: "Heidelberg und Walldorf", Evidence: mmEv("e", "", "v")},
			},
			check: func(t *testing.T, got []Meeting) {
				if len(got) != 2 {
					t.Fatalf("got %d meetings, want 2", len(got))
				}
				for _, m := range got {
					switch m.Series {
					case "dmk":
						if m.Place != "Mainz" || len(m.Conflicts) != 1 || m.Conflicts[0].Field != "place" || m.Conflicts[0].Value != "Koblenz" {
							t.Errorf("got %q conflicts %+v, want Mainz with conflict Koblenz", m.Place, m.Conflicts)
						}
					case "d16":
						if m.Place != "Heidelberg und Walldorf" || len(m.Conflicts) != 0 {
							t.Errorf("got %q conflicts %+v, want Heidelberg und Walldorf without conflict", m.Place, m.Conflicts)
						}
					}
				}
			},
		},
		{
			name: "host Land and place Land of the next meeting",
			in: []MeetingMention{
				{Series: "digitalkoordinatoren", Hosts: mmLands("TH"), Planned: true, Evidence: mmEv("a", "2019-06-21", "x")},
				{Series: "digitalkoordinatoren", Place: "Thüringen", Planned: true, Evidence: mmEv("b", "2019-06-26", "y")},
			},
			check: func(t *testing.T, got []Meeting) {
				m := mmOne(t, got)
				if m.Place != "Thüringen" || !reflect.DeepEqual(m.Hosts, mmLands("TH")) || !m.Planned {
					t.Errorf("got %+v, want a planned meeting in Thüringen hosted by TH", m)
				}
			},
		},
		{
			name: "union of hosts, topics and participants; duplicate evidence once",
			in: []MeetingMention{
				{Series: "dmk", Ordinal: 1, Hosts: mmLands("BB"), Topics: []TopicID{"ki"}, Participants: mmLands("HE"), Evidence: mmEv("a", "", "x")},
				{Series: "dmk", Ordinal: 1, Hosts: mmLands("BE", "BB"), Topics: []TopicID{"breitband", "ki"}, Evidence: mmEv("b", "", "y")},
				{Series: "dmk", Ordinal: 1, Evidence: mmEv("b", "", "y")},
			},
			check: func(t *testing.T, got []Meeting) {
				if len(got) != 2 {
					t.Fatalf("got %d meetings, want 2 (the repeated mention of document b stays apart)", len(got))
				}
				m := got[0]
				if !reflect.DeepEqual(m.Hosts, mmLands("BE", "BB")) || !reflect.DeepEqual(m.Topics, []TopicID{"breitband", "ki"}) || !reflect.DeepEqual(m.Participants, mmLands("HE")) {
					t.Errorf("got hosts %v topics %v participants %v", m.Hosts, m.Topics, m.Participants)
				}
			},
		},
		{
			name: "same ordinal, overlapping but different days: a start conflict",
			in: []MeetingMention{
				{Series: "dmk", Ordinal: 4, Start: "2027-03-02", End: "2027-03-03", Place: "Kiel", Evidence: mmEv("a", "2027-01-10", "2. bis 3. März")},
				{Series: "dmk", Ordinal: 4, Start: "2027-03-02", End: "2027-03-03", Evidence: mmEv("b", "2027-02-01", "2./3. März")},
				{Series: "dmk", Ordinal: 4, Start: "2027-03-03", End: "2027-03-04", Place: "Kiel", Evidence: mmEv("c", "2027-02-20", "3. und 4. März")},
				{Series: "dmk", Ordinal: 4, Start: "2027-03-03", Evidence: mmEv("d", "2027-03-03", "heute, 3. März")},
			},
			check: func(t *testing.T, got []Meeting) {
				m := mmOne(t, got)
				if m.Start != "2027-03-02" || m.End != "2027-03-03" {
					t.Errorf("got %s–%s, want 2027-03-02–2027-03-03", m.Start, m.End)
				}
				if len(m.Conflicts) != 1 || m.Conflicts[0].Value != "2027-03-03" || m.Conflicts[0].Evidence[0].Doc != "c" {
					t.Errorf("got conflicts %+v, want one on 2027-03-03 with c's evidence", m.Conflicts)
				}
			},
		},
		{
			name: "chairs from chair terms",
			in: []MeetingMention{
				{Series: "dmk", Start: "2024-04-19", Evidence: mmEv("a", "", "x")},
				{Series: "d16", Start: "2023-03", Evidence: mmEv("b", "", "y")},
				{Series: "d16", Start: "2023", Place: "Köln", Evidence: mmEv("c", "", "z")},
				{Series: "d16", Start: "2023-11-08", Chairs: mmLands("HH"), Evidence: mmEv("d", "", "w")},
				{Series: "d17", Start: "2024-05-01", Evidence: mmEv("e", "", "v")},
			},
			terms: []ChairTerm{
				{Series: "d16", Lands: mmLands("BY"), From: "2023", Evidence: mmEv("t1", "", "by")},
				{Series: "d16", Lands: mmLands("BE", "BB"), From: "2023-07-01", To: "2024", Evidence: mmEv("t2", "", "bebb")},
			},
			check: func(t *testing.T, got []Meeting) {
				want := map[Date][]LandCode{
					"2023-03": {"BY"}, "2023": {}, "2023-11-08": {"HH"}, "2024-04-19": {"BE", "BB"}, "2024-05-01": {},
				}
				for _, m := range got {
					if !reflect.DeepEqual(m.Chairs, want[m.Start]) {
						t.Errorf("%s %s: got chairs %v, want %v", m.Series, m.Start, m.Chairs, want[m.Start])
					}
				}
				if m := got[len(got)-2]; m.Start != "2024-04-19" || len(m.Evidence) != 2 || m.Evidence[1].Quote != "bebb" {
					t.Errorf("got evidence %+v, want the mention and the chair term", m.Evidence)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.check(t, MergeMeetings(tt.in, tt.terms))
		})
	}
}

func mmOne(t *testing.T, ms []Meeting) Meeting {
	t.Helper()
	if len(ms) != 1 {
		t.Fatalf("got %d meetings, want 1: %+v", len(ms), ms)
	}
	return ms[0]
}

func TestMergeMeetingsOrderAndIDs(t *testing.T) {
	in := []MeetingMention{
		{Series: "dmk", Place: "Berlin", Evidence: mmEv("a", "", "x")},
		{Series: "dmk", Start: "2025-05-12", Evidence: mmEv("b", "", "y")},
		{Series: "d16", Start: "2023-11-08", Evidence: mmEv("c", "", "z")},
		{Series: "dmk", Ordinal: 2, Evidence: mmEv("d", "", "w")},
		{Series: "d17", Start: "2023-11-08", Evidence: mmEv("e", "", "v")},
		{Series: "dmk", Hosts: mmLands("TH"), Planned: true, Evidence: mmEv("f", "", "u")},
		{Series: "dmk", Hosts: mmLands("TH"), Planned: true, Evidence: mmEv("g", "", "u")},
	}
	got := MergeMeetings(in, nil)
	var ids []string
	for _, m := range got {
		ids = append(ids, string(m.ID))
	}
	want := []string{"d16-2023-11-08", "d17-2023-11-08", "dmk-2025-05-12", "dmk-nr-2", "dmk-berlin"}
	if len(ids) != 7 || !reflect.DeepEqual(ids[:5], want) {
		t.Fatalf("got ids %v, want %v and two hashed ids", ids, want)
	}
	if ids[5] == ids[6] || !strings.HasPrefix(ids[5], "dmk-") || !strings.HasPrefix(ids[6], "dmk-") {
		t.Errorf("got ids %s, %s, want two distinct dmk ids", ids[5], ids[6])
	}
	again := MergeMeetings(in, nil)
	for i := range got {
		if got[i].ID != again[i].ID {
			t.Errorf("id %d: got %s then %s, want a stable id", i, got[i].ID, again[i].ID)
		}
	}
}

func TestMergeMeetingsJSON(t *testing.T) {
	got := MergeMeetings([]MeetingMention{{Series: "dmk", Ordinal: 1, Evidence: mmEv("a", "", "x")}}, nil)
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{`"hosts":[]`, `"chairs":[]`, `"topics":[]`, `"conflicts":[]`} {
		if !strings.Contains(string(b), f) {
			t.Errorf("got %s, want it to contain %s", b, f)
		}
	}
	if got := MergeMeetings(nil, nil); len(got) != 0 {
		t.Errorf("MergeMeetings(nil): got %v, want none", got)
	}
}

func TestMergeMeetingsDuplicateIDs(t *testing.T) {
	got := MergeMeetings([]MeetingMention{
		{Series: "dmk", Start: "2024", Place: "Mainz", Evidence: mmEv("a", "", "x")},
		{Series: "dmk", Start: "2024", Place: "Kiel", Evidence: mmEv("b", "", "y")},
	}, nil)
	if len(got) != 2 || got[0].ID == got[1].ID || !strings.HasPrefix(string(got[1].ID), "dmk-2024") {
		t.Errorf("got %v, want two meetings with distinct dmk-2024 ids", got)
	}
}

func TestChairsDuring(t *testing.T) {
	terms := []ChairTerm{
		{Series: "d16", Lands: mmLands("BW"), From: "2022", To: "2022"},
		{Series: "d16", Lands: mmLands("BY"), From: "2023"},
		{Series: "d16", Lands: mmLands("BE", "BB"), From: "2023-07-01", To: "2024"},
		{Series: "dmk", Lands: mmLands("BE", "BB"), From: "2024", To: "2024"},
		{Series: "dmk", Lands: mmLands("RP"), From: "2025", To: "2025"},
		{Series: "dmk", Lands: mmLands("HH"), To: "2026-12-31"},
		{Series: "d17", Lands: mmLands("HE"), From: "2019"},
		{Series: "d16", Lands: mmLands("SN")},
	}
	tests := []struct {
		series   SeriesID
		from, to Date
		want     string
	}{
		{"d16", "2022", "2022", "[[BW]]"},
		{"d16", "2023", "2023", "[[BY] [BE BB]]"},
		{"d16", "2023-03-01", "2023-03-01", "[[BY]]"},
		{"d16", "2023-08-01", "2023-08-01", "[[BE BB]]"},
		{"dmk", "2025", "2025", "[[RP]]"},
		{"dmk", "2026-06-01", "2026-06-01", "[[HH]]"},
		{"digitalkoordinatoren", "2024-04-19", "2024-04-19", "[[BE BB] [BE BB]]"},
		{"d17", "2030", "", "[[HE]]"},
		{"d17", "2018", "2018", "[]"},
		{"d16", "", "", "[[BW] [BY] [BE BB] [BE BB] [RP] [HH]]"},
		{"dmk", "2026-01-01", "2026-01-01", "[[HH]]"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s %s %s", tt.series, tt.from, tt.to), func(t *testing.T) {
			var got [][]LandCode
			for _, term := range ChairsDuring(terms, tt.series, tt.from, tt.to) {
				got = append(got, term.Lands)
			}
			if s := fmt.Sprint(got); s != tt.want && !(tt.want == "[]" && len(got) == 0) {
				t.Errorf("got %s, want %s", s, tt.want)
			}
		})
	}
}

func TestNewMeetingID(t *testing.T) {
	tests := []struct {
		m    Meeting
		want MeetingID
	}{
		{Meeting{Series: "dmk", Start: "2024-04-19", Ordinal: 1}, "dmk-2024-04-19"},
		{Meeting{Series: "dmk", Ordinal: 3}, "dmk-nr-3"},
		{Meeting{Series: "d16", Place: "Heidelberg und Walldorf"}, "d16-heidelberg-und-walldorf"},
		{Meeting{Series: "d16", Place: "München"}, "d16-muenchen"},
		{Meeting{Place: "Frankfurt (Oder)"}, "meeting-frankfurt-oder"},
	}
	for _, tt := range tests {
		if got := NewMeetingID(tt.m); got != tt.want {
			t.Errorf("NewMeetingID(%+v): got %s, want %s", tt.m, got, tt.want)
		}
	}
	a := NewMeetingID(Meeting{Series: "dmk", Hosts: mmLands("TH"), Evidence: []Evidence{mmEv("a", "", "x")}})
	b := NewMeetingID(Meeting{Series: "dmk", Hosts: mmLands("TH"), Evidence: []Evidence{mmEv("b", "", "x")}})
	if a == b || !strings.HasPrefix(string(a), "dmk-") {
		t.Errorf("got %s and %s, want distinct hashed ids", a, b)
	}
}

func TestMergeMeetingsYearByOrder(t *testing.T) {
	m := func(doc string, n int, start Date, day string) MeetingMention {
		return MeetingMention{Series: "dmk", Ordinal: n, Start: start, Day: day, Place: "Ort" + doc, Evidence: mmEv(doc, "", "Konferenz "+doc)}
	}
	tests := []struct {
		name string
		in   []MeetingMention
		want Date // start of meeting no. 4
	}{
		{"after the third, same year", []MeetingMention{m("a", 3, "2031-05-12", ""), m("b", 4, "", "11-24")}, "2031-11-24"},
		{"after the third, next year", []MeetingMention{m("a", 3, "2031-12-01", ""), m("b", 4, "", "03-02")}, "2032-03-02"},
		{"before the fifth", []MeetingMention{m("a", 5, "2032-06-01", ""), m("b", 4, "", "11-24")}, "2031-11-24"},
		{"does not fit between", []MeetingMention{m("a", 3, "2031-05-12", ""), m("c", 5, "2031-09-01", ""), m("b", 4, "", "11-24")}, ""},
		{"nothing to go by", []MeetingMention{m("b", 4, "", "11-24")}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *Meeting
			ms := MergeMeetings(tt.in, nil)
			for i := range ms {
				if ms[i].Ordinal == 4 {
					got = &ms[i]
				}
			}
			if got == nil {
				t.Fatalf("no meeting no. 4 in %+v", ms)
			}
			if got.Start != tt.want {
				t.Errorf("start %q, want %q", got.Start, tt.want)
			}
			if (got.Inferred != "") != (tt.want != "") || got.Day != "11-24" && got.Day != "03-02" {
				t.Errorf("inferred %q, day %q", got.Inferred, got.Day)
			}
		})
	}
}
