// Two goroutines that step aside with runtime.Gosched on one P.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func say(name string, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < 3; i++ {
		fmt.Println(name, i)
		runtime.Gosched() // go to the back of the global queue
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go say("A", &wg)
	go say("B", &wg)
	wg.Wait()
}
