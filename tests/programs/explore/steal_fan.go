// Explore: three workers each start six goroutines and then spin, so on four Ps an idle
// P finds several Ps with goroutines queued: be the scheduler lets the user pick which
// one it robs.
package main

import (
	"fmt"
	"sync"
)

func spin(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i
	}
	return s
}

func main() {
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 6; j++ {
				wg.Add(1)
				go func() { defer wg.Done(); spin(20000) }()
			}
			spin(200000)
		}()
	}
	wg.Wait()
	fmt.Println("done")
}

// Run: procs=4
// Output:
// done
