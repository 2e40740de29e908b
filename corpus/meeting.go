package corpus

import "slices"

// MeetingID identifies a merged meeting, e.g. "dmk-2024-04-19".
type MeetingID string

// MeetingMention is what one sentence (or a few neighbouring ones) of one
// document says about a meeting. Mentions of the same meeting in several
// documents are merged into one Meeting by MergeMeetings.
type MeetingMention struct {
	Series  SeriesID `json:"series"`
	Ordinal int      `json:"ordinal,omitempty"` // 1 for "erste", 0 when not stated
	Start   Date     `json:"start,omitempty"`
	End     Date     `json:"end,omitempty"`
	// Day is the day the text gives without a year ("am 24. November" →
	// "11-24") when neither the text nor its publication date gives the
	// year; Start is then empty. MergeMeetings reads the year from the
	// order of the series' meetings where it can.
	Day    string     `json:"day,omitempty"`
	Place  string     `json:"place,omitempty"` // town or city: "Potsdam"
	Venue  string     `json:"venue,omitempty"` // building or room: "Hasso-Plattner-Institut"
	Hosts  []LandCode `json:"hosts,omitempty"`
	Chairs []LandCode `json:"chairs,omitempty"`
	// Participants are Länder named as taking part.
	Participants []LandCode `json:"participants,omitempty"`
	Topics       []TopicID  `json:"topics,omitempty"`
	// Agenda holds the items of the meeting's agenda the text lists ("TOP 3
	// Fachkräftegewinnung …", a bullet below "Auf der Tagesordnung
	// standen:"), each with its line: themes the thesaurus may not know.
	Agenda []AgendaItem `json:"agenda,omitempty"`
	// Planned is true when the text announces the meeting for the future
	// (relative to its publication date), e.g. the next meeting.
	Planned  bool     `json:"planned,omitempty"`
	Evidence Evidence `json:"evidence"`
}

// AgendaItem is one item of a meeting's agenda: its title as the text gives
// it, without the item's number or bullet, and the line that lists it.
type AgendaItem struct {
	Title    string   `json:"title"`
	Evidence Evidence `json:"evidence"`
}

// AppendAgenda appends to items those of more whose title (folded) it
// lacks.
func AppendAgenda(items []AgendaItem, more ...AgendaItem) []AgendaItem {
	for _, it := range more {
		if !slices.ContainsFunc(items, func(o AgendaItem) bool { return Fold(o.Title) == Fold(it.Title) }) {
			items = append(items, it)
		}
	}
	return items
}

// Meeting is one meeting of a series, merged from every mention of it.
type Meeting struct {
	ID           MeetingID  `json:"id"`
	Series       SeriesID   `json:"series"`
	Ordinal      int        `json:"ordinal,omitempty"`
	Start        Date       `json:"start,omitempty"`
	End          Date       `json:"end,omitempty"`
	Place        string     `json:"place,omitempty"`
	Venue        string     `json:"venue,omitempty"`
	Hosts        []LandCode `json:"hosts"`
	Chairs       []LandCode `json:"chairs"`
	Participants []LandCode `json:"participants,omitempty"`
	Topics       []TopicID  `json:"topics"`
	// Agenda is the agenda items of every mention, each title once.
	Agenda  []AgendaItem `json:"agenda,omitempty"`
	Planned bool         `json:"planned,omitempty"`
	// Day is the day and month ("11-24") the mentions give without a year,
	// when no mention gives the start.
	Day string `json:"day,omitempty"`
	// Inferred says how a value not stated with the meeting was read from
	// other facts: the year of a start the text gives without one, from the
	// order of the series' meetings. Empty when everything is stated.
	Inferred string `json:"inferred,omitempty"`
	// Evidence holds the evidence of every mention merged into the meeting.
	Evidence []Evidence `json:"evidence"`
	// Conflicts lists values that sources state differently from the value
	// chosen above.
	Conflicts []Conflict `json:"conflicts"`
}

// Conflict records that sources disagree about one field of a meeting (or
// another merged record): Value is the value the other side states, Chosen the
// value kept, and Evidence the sentences that state Value.
type Conflict struct {
	Field    string     `json:"field"`
	Value    string     `json:"value"`
	Chosen   string     `json:"chosen"`
	Evidence []Evidence `json:"evidence"`
}

// ChairTerm is the fact that one or more Länder chair a series for a period.
// From and To may be partial or empty (open).
type ChairTerm struct {
	Series   SeriesID   `json:"series"`
	Lands    []LandCode `json:"lands"`
	From     Date       `json:"from,omitempty"`
	To       Date       `json:"to,omitempty"`
	Evidence Evidence   `json:"evidence"`
}
