// A goroutine blocked in a system call lets its P go to another thread.
package main

import (
	"fmt"
	"os"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { // the worker: only needs the CPU
		defer wg.Done()
		sum := 0
		for i := 0; i < 20_000; i++ {
			sum += i % 7
		}
		fmt.Println("worker done:", sum)
	}()
	go func() { // the reader: ReadFile blocks its thread in the kernel
		defer wg.Done()
		_, err := os.ReadFile("notes.txt")
		fmt.Println("reader:", err)
	}()
	wg.Wait()
}
