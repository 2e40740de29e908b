package corpus

// StrategyID identifies a strategy: the Land code and a slug of the title,
// e.g. "BW-digital-bw".
type StrategyID string

// Strategy is a Land's digital strategy or programme as one sentence (or a
// strategy document itself) names it.
type Strategy struct {
	ID    StrategyID `json:"id"`
	Land  LandCode   `json:"land"`
	Title string     `json:"title"`
	// Year the strategy was adopted or published, 0 when not stated.
	Year     int      `json:"year,omitempty"`
	Evidence Evidence `json:"evidence"`
}
