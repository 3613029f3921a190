// The trace snapshot's program: two Ps, a system call (a handoff), a spinner sysmon
// preempts, and short goroutines an idle P steals.
package main

import (
	"fmt"
	"os"
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
	wg.Add(4)
	go func() {
		defer wg.Done()
		_, err := os.ReadFile("/nonexistent")
		fmt.Println(err != nil)
	}()
	for i := 0; i < 3; i++ {
		n := 30000
		if i == 0 {
			n = 4000000
		}
		go func() {
			defer wg.Done()
			spin(n)
		}()
	}
	wg.Wait()
	fmt.Println("done")
}

// Run: procs=2
// Output:
// true
// done
