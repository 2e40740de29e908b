package corpus

import (
	"strconv"
	"time"
)

// Date is an ISO 8601 calendar date that may be partial: "2019-06-21",
// "2019-06" or "2019". The empty Date means unknown.
type Date string

// DateOf returns the full Date of t.
func DateOf(t time.Time) Date { return Date(t.Format("2006-01-02")) }

// Valid reports whether d is empty or a well-formed (partial) ISO date.
func (d Date) Valid() bool {
	switch len(d) {
	case 0:
		return true
	case 4:
		_, err := time.Parse("2006", string(d))
		return err == nil
	case 7:
		_, err := time.Parse("2006-01", string(d))
		return err == nil
	case 10:
		_, err := time.Parse("2006-01-02", string(d))
		return err == nil
	}
	return false
}

// Known reports whether d holds at least a year.
func (d Date) Known() bool { return len(d) >= 4 && d.Valid() }

// Year returns the year of d, or 0 when unknown.
func (d Date) Year() int {
	if len(d) < 4 {
		return 0
	}
	y, err := strconv.Atoi(string(d[:4]))
	if err != nil {
		return 0
	}
	return y
}

// First returns the earliest full date that d covers ("2019" → "2019-01-01"),
// or "" when d is unknown.
func (d Date) First() Date {
	switch len(d) {
	case 4:
		return d + "-01-01"
	case 7:
		return d + "-01"
	case 10:
		return d
	}
	return ""
}

// Last returns the latest full date that d covers ("2019-02" → "2019-02-28"),
// or "" when d is unknown.
func (d Date) Last() Date {
	switch len(d) {
	case 4:
		return d + "-12-31"
	case 7:
		t, err := time.Parse("2006-01", string(d))
		if err != nil {
			return ""
		}
		return DateOf(t.AddDate(0, 1, -1))
	case 10:
		return d
	}
	return ""
}

// Time returns the first day d covers as a time in UTC.
func (d Date) Time() (time.Time, bool) {
	f := d.First()
	if f == "" {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", string(f))
	return t, err == nil
}

// Overlaps reports whether the period [from, to] overlaps the period
// [pfrom, pto]. Partial dates cover their whole month or year; an empty bound
// is open (unknown start or end).
func Overlaps(from, to, pfrom, pto Date) bool {
	return overlapDays(from.First(), to.Last(), pfrom.First(), pto.Last())
}

// overlapDays reports whether the days [lo, hi] overlap the days [plo, phi];
// an empty bound is open.
func overlapDays(lo, hi, plo, phi Date) bool {
	if hi != "" && plo != "" && hi < plo {
		return false
	}
	if phi != "" && lo != "" && phi < lo {
		return false
	}
	return true
}
