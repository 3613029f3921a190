// Go by Example "Rate Limiting": a ticker spaces requests 50 ms apart; a bursty limiter lets
// the first three through at once and then throttles.
package main

import (
	"fmt"
	"time"
)

func main() {
	requests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		requests <- i
	}
	close(requests)

	limiter := time.Tick(50 * time.Millisecond)
	last := time.Now()
	for req := range requests {
		<-limiter
		gap := time.Since(last)
		last = time.Now()
		fmt.Println("request", req, "waited >= 40ms:", gap >= 40*time.Millisecond)
	}

	bursty := make(chan time.Time, 3)
	for i := 0; i < 3; i++ {
		bursty <- time.Now()
	}
	go func() {
		for t := range time.Tick(50 * time.Millisecond) {
			bursty <- t
		}
	}()

	burstyRequests := make(chan int, 5)
	for i := 1; i <= 5; i++ {
		burstyRequests <- i
	}
	close(burstyRequests)
	start := time.Now()
	for req := range burstyRequests {
		<-bursty
		if time.Since(start) < 25*time.Millisecond {
			fmt.Println("bursty request", req, "immediate")
		} else {
			fmt.Println("bursty request", req, "throttled")
		}
	}
}

// Output:
// request 1 waited >= 40ms: true
// request 2 waited >= 40ms: true
// request 3 waited >= 40ms: true
// request 4 waited >= 40ms: true
// request 5 waited >= 40ms: true
// bursty request 1 immediate
// bursty request 2 immediate
// bursty request 3 immediate
// bursty request 4 throttled
// bursty request 5 throttled
