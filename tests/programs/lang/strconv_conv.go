// Language: strconv conversions and their error messages.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	fmt.Println(strconv.Itoa(-42) + "!")
	n, err := strconv.Atoi("123")
	fmt.Println(n+1, err)
	_, err = strconv.Atoi("12a")
	fmt.Println(err)
	_, err = strconv.Atoi("99999999999999999999")
	fmt.Println(err)
	fmt.Println(strconv.FormatInt(255, 2), strconv.FormatInt(-255, 16), strconv.FormatInt(35, 36))
	i, err := strconv.ParseInt("ff", 16, 64)
	fmt.Println(i, err)
	_, err = strconv.ParseInt("300", 10, 8)
	fmt.Println(err)
	f, err := strconv.ParseFloat("3.25", 64)
	fmt.Println(f, err)
	_, err = strconv.ParseFloat("abc", 64)
	fmt.Println(err)
	b, err := strconv.ParseBool("true")
	fmt.Println(b, err)
	_, err = strconv.ParseBool("yes")
	fmt.Println(err)
	fmt.Println(strconv.Quote("hi\n\"there\""), strconv.FormatFloat(1.5, 'f', 3, 64))
	if ne, ok := err.(*strconv.NumError); ok {
		fmt.Println(ne.Func, ne.Num, ne.Err)
	}
}

// Output:
// -42!
// 124 <nil>
// strconv.Atoi: parsing "12a": invalid syntax
// strconv.Atoi: parsing "99999999999999999999": value out of range
// 11111111 -ff z
// 255 <nil>
// strconv.ParseInt: parsing "300": value out of range
// 3.25 <nil>
// strconv.ParseFloat: parsing "abc": invalid syntax
// true <nil>
// strconv.ParseBool: parsing "yes": invalid syntax
// "hi\n\"there\"" 1.500
// ParseBool yes invalid syntax
