package corpus

// Edge is one statement of the graph as the explorer shows it: Subject and
// Object are node IRIs ("land:BW", "topic:cyberwehr") or literals, Doc the
// document whose text supports it.
type Edge struct {
	Subject   string `json:"subject"`
	Predicate string `json:"predicate"`
	Object    string `json:"object"`
	Doc       DocID  `json:"doc,omitempty"`
}
