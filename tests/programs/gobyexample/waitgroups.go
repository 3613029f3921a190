// Go by Example "WaitGroups": wait for five workers; their lines interleave freely.
package main

import (
	"fmt"
	"sync"
	"time"
)

func worker(id int) {
	fmt.Printf("Worker %d starting\n", id)
	time.Sleep(50 * time.Millisecond)
	fmt.Printf("Worker %d done\n", id)
}

func main() {
	var wg sync.WaitGroup
	for i := 1; i <= 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			worker(i)
		}()
	}
	wg.Wait()
}

// Unordered output:
// Worker 1 done
// Worker 1 starting
// Worker 2 done
// Worker 2 starting
// Worker 3 done
// Worker 3 starting
// Worker 4 done
// Worker 4 starting
// Worker 5 done
// Worker 5 starting
