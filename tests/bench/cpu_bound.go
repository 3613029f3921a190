// Benchmark: four goroutines each run 5,000,000 iterations of `s += i % 7` on a local
// variable; the partial sums are combined over a channel and printed. Meant for
// GOMAXPROCS=4. (A channel rather than a shared slice, and no closure over the loop
// variable, so that yaegi 0.14 runs it too: it lacks Go 1.22 loop variables and fails on
// `partial[id] = s` inside a goroutine closure.)
package main

import "fmt"

func work(iterations int, out chan<- int) {
	s := 0
	for i := 0; i < iterations; i++ {
		s += i % 7
	}
	out <- s
}

func main() {
	const workers = 4
	const iterations = 5_000_000
	results := make(chan int)
	for w := 0; w < workers; w++ {
		go work(iterations, results)
	}
	total := 0
	for w := 0; w < workers; w++ {
		total += <-results
	}
	fmt.Println("total:", total)
}

// Run: procs=4
// Output:
// total: 59999980
