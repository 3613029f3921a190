// Language: iota in constant declarations, skipped values, expressions and typed enums.
package main

import "fmt"

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

const (
	a, b = iota, iota * 10
	c, d
)

func main() {
	fmt.Println(Sunday, Monday, Tuesday)
	fmt.Printf("%d %v %T\n", Tuesday, Tuesday, Tuesday)
	fmt.Println(KB, MB, GB)
	fmt.Println(a, b, c, d)
}

// Output:
// Sun Mon Tue
// 2 Tue main.Weekday
// 1024 1048576 1073741824
// 0 0 1 10
