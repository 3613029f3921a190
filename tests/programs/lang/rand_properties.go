// Language: math/rand results differ between runs (the top-level functions are randomly
// seeded since Go 1.20), so only their properties are printed.
package main

import (
	"fmt"
	"math/rand"
	"sort"
)

func main() {
	inRange := true
	for i := 0; i < 1000; i++ {
		n := rand.Intn(10)
		f := rand.Float64()
		if n < 0 || n >= 10 || f < 0 || f >= 1 {
			inRange = false
		}
	}
	fmt.Println("values in range:", inRange)
	p := rand.Perm(5)
	sort.Ints(p)
	fmt.Println("perm sorted:", p)
	words := []string{"a", "b", "c", "d"}
	rand.Shuffle(len(words), func(i, j int) { words[i], words[j] = words[j], words[i] })
	sort.Strings(words)
	fmt.Println("shuffle keeps elements:", words)
}

// Output:
// values in range: true
// perm sorted: [0 1 2 3 4]
// shuffle keeps elements: [a b c d]
