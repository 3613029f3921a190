// Course: a producer and a consumer decoupled by a buffered channel; on one P the producer
// fills the buffer before the consumer runs, then they alternate as it empties.
package main

import (
	"fmt"
	"sync"
)

func main() {
	buf := make(chan int, 3)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for i := 1; i <= 5; i++ {
			buf <- i
			fmt.Println("produced", i)
		}
		close(buf)
	}()
	go func() {
		defer wg.Done()
		for v := range buf {
			fmt.Println("consumed", v)
		}
	}()
	wg.Wait()
}

// Run: procs=1
// Output:
// produced 1
// produced 2
// produced 3
// produced 4
// consumed 1
// consumed 2
// consumed 3
// consumed 4
// consumed 5
// produced 5
