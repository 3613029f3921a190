// Explore: two goroutines take two mutexes in opposite orders. With one P each runs
// both Lock calls before the other starts, so plain runs finish; `gosched explore`
// finds the preemption between the two Locks that deadlocks.
package main

import (
	"fmt"
	"sync"
)

func main() {
	var a, b sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		a.Lock()
		b.Lock()
		fmt.Println("first has both")
		b.Unlock()
		a.Unlock()
	}()
	go func() {
		defer wg.Done()
		b.Lock()
		a.Lock()
		fmt.Println("second has both")
		a.Unlock()
		b.Unlock()
	}()
	wg.Wait()
	fmt.Println("done")
}

// Run: procs=1
// Output:
// second has both
// first has both
// done
