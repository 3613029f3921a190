// math/rand: ranges of every function and the panics for bad bounds.
package main

import (
	"fmt"
	"math/rand"
)

func try(name string, f func()) {
	defer func() { fmt.Println(name, recover()) }()
	f()
}

func main() {
	ok := true
	for i := 0; i < 2000; i++ {
		if v := rand.Intn(7); v < 0 || v >= 7 {
			ok = false
		}
		if v := rand.Int63n(1 << 40); v < 0 || v >= 1<<40 {
			ok = false
		}
		if v := rand.Int31n(3); v < 0 || v >= 3 {
			ok = false
		}
		if v := rand.Float64(); v < 0 || v >= 1 {
			ok = false
		}
		if v := rand.Float32(); v < 0 || v >= 1 {
			ok = false
		}
		if rand.Int() < 0 || rand.Int63() < 0 || rand.Int31() < 0 {
			ok = false
		}
	}
	fmt.Println("in range:", ok, rand.Intn(1))
	p := rand.Perm(6)
	seen := make([]bool, 6)
	for _, v := range p {
		seen[v] = true
	}
	fmt.Println(len(p), seen)
	try("Intn(0)", func() { rand.Intn(0) })
	try("Int63n(-1)", func() { rand.Int63n(-1) })
	try("Int31n(0)", func() { rand.Int31n(0) })
}

// Output:
// in range: true 0
// 6 [true true true true true true]
// Intn(0) invalid argument to Intn
// Int63n(-1) invalid argument to Int63n
// Int31n(0) invalid argument to Int31n
