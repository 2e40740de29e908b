package corpus

import (
	"cmp"
	"reflect"
	"slices"
)

// MeetingIndex holds the meeting mentions and chair terms of many documents
// and the meetings merged from them, and keeps those meetings current as
// documents are added, changed and removed, so that no reader merges
// mentions itself.
//
// Mentions and chair terms are grouped by the root of their series' lineage
// (the D16 and the DMK continue the Konferenz der Digitalkoordinatoren: one
// group); mentions of different groups are never one meeting, and chair
// terms only fill in the chairs of meetings in their own group. Set and
// Remove mark the groups a document touches; Meetings merges those groups
// again — clustering only where mentions changed, rebuilding the meetings
// where only chair terms did — and keeps the rest.
//
// Meetings returns exactly what MergeMeetings returns for every mention and
// chair term, taken in the order of their documents' files (then ids) and
// within a document in order. A MeetingIndex is not safe for concurrent use.
type MeetingIndex struct {
	docs   map[DocID]*meetingDoc
	groups map[SeriesID]*meetingGroup
	all    []Meeting // the merged meetings; nil when a group changed
}

// meetingDoc is what one document contributes.
type meetingDoc struct {
	file  string
	ms    []MeetingMention
	terms []ChairTerm
}

// meetingGroup is one lineage's share of the index.
type meetingGroup struct {
	docs      map[DocID]bool // documents with mentions or chair terms in the group
	recluster bool           // mentions changed
	rebuild   bool           // chair terms changed
	clusters  [][]*mentionInfo
	terms     []ChairTerm
	built     []builtMeeting
}

// NewMeetingIndex returns an empty index.
func NewMeetingIndex() *MeetingIndex {
	return &MeetingIndex{docs: map[DocID]*meetingDoc{}, groups: map[SeriesID]*meetingGroup{}}
}

// Set replaces what document doc (stored under file) says about meetings: its
// meeting mentions and chair terms, with evidence complete (file, date …).
// With neither it removes the document. The index keeps ms and terms; the
// caller must not change them afterwards.
func (x *MeetingIndex) Set(doc DocID, file string, ms []MeetingMention, terms []ChairTerm) {
	old := x.docs[doc]
	if len(ms) == 0 && len(terms) == 0 {
		if old != nil {
			x.touch(doc, old, false)
			delete(x.docs, doc)
		}
		return
	}
	d := &meetingDoc{file: file, ms: ms, terms: terms}
	if old != nil {
		if old.file == d.file && reflect.DeepEqual(old.ms, d.ms) && reflect.DeepEqual(old.terms, d.terms) {
			return
		}
		x.touch(doc, old, false)
	}
	x.docs[doc] = d
	x.touch(doc, d, true)
}

// Remove removes what document doc says about meetings.
func (x *MeetingIndex) Remove(doc DocID) { x.Set(doc, "", nil, nil) }

// touch marks the groups that d's mentions and terms belong to, and adds doc
// to them or takes it out.
func (x *MeetingIndex) touch(doc DocID, d *meetingDoc, in bool) {
	mark := func(s SeriesID, mentions bool) {
		r := lineageRoot(s)
		g := x.groups[r]
		if g == nil {
			g = &meetingGroup{docs: map[DocID]bool{}}
			x.groups[r] = g
		}
		if in {
			g.docs[doc] = true
		} else {
			delete(g.docs, doc)
		}
		if mentions {
			g.recluster = true
		} else {
			g.rebuild = true
		}
	}
	for i := range d.ms {
		mark(d.ms[i].Series, true)
	}
	for i := range d.terms {
		mark(d.terms[i].Series, false)
	}
	x.all = nil
}

// Meetings returns the merged meetings, ordered and identified as
// MergeMeetings does. The result is shared: callers must not change it or
// the slices in its meetings.
func (x *MeetingIndex) Meetings() []Meeting {
	if x.all != nil {
		return x.all
	}
	var built []builtMeeting
	for r, g := range x.groups {
		if len(g.docs) == 0 {
			delete(x.groups, r)
			continue
		}
		if g.recluster || g.rebuild {
			x.merge(r, g)
		}
		built = append(built, g.built...)
	}
	x.all = finishMeetings(built)
	return x.all
}

// merge clusters the mentions of group r again where they changed and builds
// its meetings.
func (x *MeetingIndex) merge(r SeriesID, g *meetingGroup) {
	docs := make([]DocID, 0, len(g.docs))
	for id := range g.docs {
		docs = append(docs, id)
	}
	slices.SortFunc(docs, func(a, b DocID) int {
		return cmp.Or(cmp.Compare(x.docs[a].file, x.docs[b].file), cmp.Compare(a, b))
	})
	if g.recluster {
		var ms []*mentionInfo
		for _, id := range docs {
			d := x.docs[id]
			for i := range d.ms {
				if lineageRoot(d.ms[i].Series) == r {
					ms = append(ms, newMentionInfo(&d.ms[i], mentionKey{file: d.file, doc: id, idx: i}))
				}
			}
		}
		g.clusters = clusterMentions(ms)
	}
	if g.rebuild {
		g.terms = nil
		for _, id := range docs {
			for _, t := range x.docs[id].terms {
				if lineageRoot(t.Series) == r {
					g.terms = append(g.terms, t)
				}
			}
		}
	}
	g.built = g.built[:0]
	for _, c := range g.clusters {
		g.built = append(g.built, builtMeeting{seed: c[0], m: buildMeeting(c, g.terms)})
	}
	g.recluster, g.rebuild = false, false
}
