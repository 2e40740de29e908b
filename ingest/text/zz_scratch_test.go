package text

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestScratch(t *testing.T) {
	for _, f := range strings.Split(os.Getenv("FILES"), ",") {
		b, _ := os.ReadFile(f)
		s := Normalize(string(b))
		for _, x := range Sentences(s) {
			fmt.Printf("| %s\n", strings.ReplaceAll(x.Of(s), "\n", "⏎"))
		}
	}
}
