// Race: with capacity 2 the counting semaphore lets two goroutines in at once, so their
// increments race.
package main

import (
	"fmt"
	"sync"
)

var counter int

func main() {
	limit := make(chan int, 2)
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			limit <- 1
			counter++
			<-limit
		}()
	}
	wg.Wait()
	fmt.Println("done")
}

// Run: race=on
// Exit: 66
// Race: 20 20
// Output:
// done
