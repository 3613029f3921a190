// Four goroutines compute for a long time; main waits. With GOMAXPROCS=4 each runs on
// its own P; with GOMAXPROCS=1 they take turns.
package main

import "sync"

func spin(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i
	}
	return s
}

func main() {
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			spin(5_000_000)
		}()
	}
	wg.Wait()
}
