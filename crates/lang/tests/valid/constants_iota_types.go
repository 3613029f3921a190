package main

import (
	"fmt"
	"math"
	"time"
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

func (d Weekday) String() string {
	return [...]string{"Sun", "Mon", "Tue"}[d]
}

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
	GB
)

type Celsius float64
type Temp = Celsius

const big = 1 << 62

func main() {
	fmt.Println(Monday, Tuesday+0, KB, MB, GB)
	var c Temp = 36.6
	f := float64(c)*9/5 + 32
	fmt.Println(c, f, math.Sqrt(2), math.MaxInt64, math.Pi)
	d := 1500 * time.Millisecond
	fmt.Println(d, d.Seconds(), time.Duration(90)*time.Second)
	var u8 uint8 = 200
	u8 += 100
	x := 7.0 / 2
	var i64 int64 = big
	fmt.Println(u8, x, i64, 'a', 1e3, 0x10, 0o17, 0b101, 1_000_000)
	const s = "abc"
	const l = len(s)
	var arr [l]int
	fmt.Println(arr, ^0, -7>>1, 5&^3)
}
