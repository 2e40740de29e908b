// Package graph is the knowledge graph of laendergraph.
package graph
