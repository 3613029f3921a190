// Scheduler: on one P, the last worker readies main when it calls Done but keeps the P until
// it exits, so by the time main runs every worker is gone.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
		}()
	}
	fmt.Println("before Wait:", runtime.NumGoroutine())
	wg.Wait()
	fmt.Println("after Wait:", runtime.NumGoroutine())
}

// Run: procs=1
// Output:
// before Wait: 6
// after Wait: 1
