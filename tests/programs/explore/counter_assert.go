// Explore: the racy counter with an assertion. With one P the two goroutines never
// interleave inside the loop, so every plain run prints 2000; `gosched explore` finds
// the schedule that loses an update and trips the panic.
package main

import (
	"fmt"
	"sync"
)

func main() {
	counter := 0
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				counter++
			}
		}()
	}
	wg.Wait()
	if counter != 2000 {
		panic(fmt.Sprintf("lost update: counter is %d", counter))
	}
	fmt.Println("counter:", counter)
}

// Run: procs=1
// Output:
// counter: 2000
