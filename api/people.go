package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/answer"
	"github.com/laendergraph/laendergraph/corpus"
)

// people lists the merged person profiles by name, optionally of one Land.
func (s *server) people(c *gin.Context) {
	w, err := pageParams(c, defaultListLimit)
	if err != nil {
		s.fail(c, err)
		return
	}
	nev, err := listEvidenceParam(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	var land corpus.LandCode
	if v, err := shortParam(c, "land"); err != nil {
		s.fail(c, err)
		return
	} else if v != "" {
		code, ok := s.lookupLand(v)
		if !ok {
			s.fail(c, invalid("Unbekanntes Land „%s“", clip(v)))
			return
		}
		land = code
	}
	ps, err := s.g.People(c.Request.Context(), "")
	if err != nil {
		s.fail(c, err)
		return
	}
	out := s.personViews(ps, land)
	page, next := pageOf(out, w)
	capPeople(page, nev)
	c.JSON(http.StatusOK, listPage("people", page, len(out), next))
}

// person returns one merged person profile.
func (s *server) person(c *gin.Context) {
	nev, err := evidenceParam(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	ps, err := s.g.People(c.Request.Context(), "")
	if err != nil {
		s.fail(c, err)
		return
	}
	id := corpus.PersonID(c.Param("id"))
	for _, p := range s.personViews(ps, "") {
		if p.ID == id {
			one := []answer.Person{p}
			capPeople(one, nev)
			c.JSON(http.StatusOK, one[0])
			return
		}
	}
	s.fail(c, notFound("Die Person „%s“ gibt es nicht", clip(string(id))))
}
