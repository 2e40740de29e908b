package search

import (
	"container/list"
	"sync"
)

// maxCachedResults is the number of results the index keeps.
const maxCachedResults = 256

// resultCache keeps the results of recent searches, the least recently used
// dropped first, until the next write. A search repeated (the explorer going
// back, a page reloaded, a question falling back to the same search) is
// answered from it. Results with the documents' text (Request.WithText) are
// not kept: they are large and asked for once.
type resultCache struct {
	mu      sync.Mutex
	gen     uint64 // moves with every write
	entries map[Request]*list.Element
	order   *list.List // of *cacheEntry, most recent first
}

type cacheEntry struct {
	req Request
	res *Result
}

// generation returns the current generation, to pass to put.
func (c *resultCache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// get returns a copy of the result kept for req.
func (c *resultCache) get(req Request) (*Result, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[req]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(e)
	res := *e.Value.(*cacheEntry).res
	res.Hits = append([]Hit(nil), res.Hits...)
	return &res, true
}

// put keeps a copy of res for req, unless the index was written since gen
// (when the search began).
func (c *resultCache) put(req Request, gen uint64, res *Result) {
	if req.WithText {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if c.entries == nil {
		c.entries, c.order = map[Request]*list.Element{}, list.New()
	}
	if _, ok := c.entries[req]; ok {
		return
	}
	kept := *res
	kept.Hits = append([]Hit(nil), res.Hits...)
	c.entries[req] = c.order.PushFront(&cacheEntry{req, &kept})
	for c.order.Len() > maxCachedResults {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.entries, last.Value.(*cacheEntry).req)
	}
}

// invalidate drops every result: the index was written.
func (c *resultCache) invalidate() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.entries, c.order = nil, nil
}
