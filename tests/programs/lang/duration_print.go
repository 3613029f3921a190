// Language: how time.Duration values print.
package main

import (
	"fmt"
	"time"
)

func main() {
	fmt.Println(1500*time.Millisecond, 100*time.Millisecond, 2*time.Minute)
	fmt.Println(90*time.Minute, 36*time.Hour, time.Duration(0), time.Duration(1))
	fmt.Println(1500*time.Microsecond, 2500*time.Nanosecond, -3*time.Second)
	d := 3*time.Hour + 25*time.Minute + 45*time.Second + 500*time.Millisecond
	fmt.Println(d, d.Hours(), d.Minutes(), d.Round(time.Hour), d.Truncate(time.Minute))
	fmt.Println(d.Seconds(), d.Milliseconds(), int64(time.Second))
	fmt.Printf("%v %d %T\n", time.Second, time.Second, time.Second)
	p, err := time.ParseDuration("1h15m30.5s")
	fmt.Println(p, err)
	_, err = time.ParseDuration("5 minutes")
	fmt.Println(err)
}

// Output:
// 1.5s 100ms 2m0s
// 1h30m0s 36h0m0s 0s 1ns
// 1.5ms 2.5µs -3s
// 3h25m45.5s 3.4293055555555556 205.75833333333333 3h0m0s 3h25m0s
// 12345.5 12345500 1000000000
// 1s 1000000000 time.Duration
// 1h15m30.5s <nil>
// time: unknown unit " minutes" in duration "5 minutes"
