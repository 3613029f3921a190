package main

import (
	"fmt"
	"sync"
)

// A pipeline with a worker pool (40 lines: the link-length test).
type job struct {
	id    int
	input string
}

func produce(n int, out chan<- job) {
	words := []string{"alpha", "beta", "gamma", "delta", "epsilon"}
	for i := 0; i < n; i++ {
		out <- job{id: i, input: words[i%len(words)]}
	}
	close(out)
}

func work(id int, in <-chan job, out chan<- string, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range in {
		out <- fmt.Sprintf("worker %d did job %d (%s, %d letters)", id, j.id, j.input, len(j.input))
	}
}

func main() {
	jobs := make(chan job, 4)
	results := make(chan string)
	var wg sync.WaitGroup
	go produce(12, jobs)
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go work(w, jobs, results, &wg)
	}
	go func() { wg.Wait(); close(results) }()
	for r := range results { fmt.Println(r) }
}
