// Eight CPU-bound goroutines are created on P0; idle Ps steal them.
package main

import (
	"fmt"
	"sync"
)

func work(n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		sum += i % 7
	}
	return sum
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() { // into P0's runnext; the previous one moves to its local queue
			defer wg.Done()
			work(200_000)
		}()
	}
	wg.Wait()
	fmt.Println("all 8 done")
}
