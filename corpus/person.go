package corpus

// PersonID identifies a person: a slug of the name without titles,
// e.g. "thomas-kralinski".
type PersonID string

// Person is what one sentence says about a person: name, role and Land at the
// time the evidence speaks of.
type Person struct {
	ID PersonID `json:"id"`
	// Name without academic titles: "Benjamin Grimm".
	Name string `json:"name"`
	// Honorific holds titles kept apart from the name: "Dr.", "Prof. Dr.".
	Honorific string   `json:"honorific,omitempty"`
	Role      string   `json:"role,omitempty"`
	Land      LandCode `json:"land,omitempty"`
	Party     string   `json:"party,omitempty"`
	// Date is the time the evidence speaks of (usually the publication date).
	Date     Date     `json:"date,omitempty"`
	Evidence Evidence `json:"evidence"`
}
