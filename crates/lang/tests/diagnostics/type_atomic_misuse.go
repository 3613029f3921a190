package main

import (
	"fmt"
	"sync/atomic"
)

func main() {
	var n int64
	atomic.AddInt64(n, 1)
	var m int
	atomic.AddInt32(&m, 1)
	var c atomic.Int32
	c.Add(int64(1))
	fmt.Println(n, m, c.Load())
}
// Errors:
// main.go:10:18: cannot use n (variable of type int64) as *int64 value in argument to atomic.AddInt64
// main.go:12:18: cannot use &m (value of type *int) as *int32 value in argument to atomic.AddInt32
// main.go:14:8: cannot use int64(1) (constant 1 of type int64) as int32 value in argument to c.Add
