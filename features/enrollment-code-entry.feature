@product @path:yes
Feature: The enrollment code: claiming a phone DES has no server for
  Product's specification of the enrollment code. When DES has no configuration server for the
  phone, the installer types the numeric code DES issued; the phone asks DES again with it and gets
  its settings from the server DES then names. The installer may give up on the code and type a
  server instead. QA's detail: conformance/enrollment-code.feature and conformance/bad-input.feature.

  @req:CODE-1
  Rule: CODE-1 — An enrollment code is a number of 8 or 12 digits

    Scenario Outline: A code of <length> digits is accepted
      Given DES names the configuration server "https://prov.example.com/j100" for the enrollment code "<code>"
      And the phone is asking for the enrollment code
      When the user enters the enrollment code "<code>"
      Then the phone is provisioned from "https://prov.example.com/j100"

      Examples: the two lengths DES issues
        | length | code         |
        | 8      | 48213377     |
        | 12     | 902716354418 |

  @req:ASSUME-4 @assumption
  Rule: ASSUME-4 — A code of the wrong length or with characters other than digits is refused on the phone; DES is not asked
    CODE-1 defines the form, so the phone can check it; sending a malformed code to DES would only
    count towards DES's lockout.

    Scenario Outline: A code <what> is refused before DES is asked
      Given the phone is asking for the enrollment code
      When the user enters the enrollment code "<code>"
      Then the phone refuses the code and asks for it again
      And the phone asked DES 1 time

      Examples: one digit short of or past the two lengths, and a letter
        | what                | code          |
        | of 7 digits         | 4821337       |
        | of 13 digits        | 9027163544181 |
        | with a letter in it | 4821337A      |

  @req:CODE-2
  Rule: CODE-2 — With the code the phone asks DES again, then gets its settings from the server DES names

    Scenario: The code brings the phone its server from DES
      Given DES names the configuration server "https://prov.example.com/j100" for the enrollment code "902716354418"
      And the phone is asking for the enrollment code
      When the user enters the enrollment code "902716354418"
      Then the phone asked DES again, this time with the enrollment code "902716354418"
      And the phone is provisioned from "https://prov.example.com/j100"

    Scenario: The server DES names for the code cannot be reached
      Given DES names the configuration server "https://prov.example.com/j100" for the enrollment code "48213377"
      And the configuration server "https://prov.example.com/j100" cannot be reached
      And the phone is asking for the enrollment code
      When the user enters the enrollment code "48213377"
      Then the phone asks for the configuration server by hand

  @req:ASSUME-5 @assumption
  Rule: ASSUME-5 — A code DES does not accept can be typed again
    A mistyped or expired code is the user's to correct; DES itself limits the attempts.

    Scenario: DES does not accept the code
      Given the phone is asking for the enrollment code
      When the user enters the enrollment code "11112222"
      Then the phone asks for the enrollment code again, saying DES did not accept the code

  @req:ASSUME-6 @assumption
  Rule: ASSUME-6 — When DES locks the phone out, the phone says for how long and asks for the server by hand
    DES counts wrong codes and locks a phone out for some minutes. Its numbers are not published: the
    ones we test with are placeholders (see the catalogue). The installer must not be left at a prompt that cannot succeed.

    Scenario: Wrong codes until DES locks the phone out
      Given the phone is asking for the enrollment code
      When the user keeps entering wrong enrollment codes until DES locks the phone out
      Then the phone asks for the configuration server by hand, saying how long DES locked it out

  @req:ASSUME-34 @assumption
  Rule: ASSUME-34 — When DES's lockout is over, the phone asks for the enrollment code again
    A lockout is DES's brake on guessing codes, not a verdict on the phone.

    Scenario: After the lockout the code prompt comes back
      Given the phone is asking for the enrollment code
      When the user keeps entering wrong enrollment codes until DES locks the phone out
      And the lockout DES gave is over
      Then the phone asks for the enrollment code

  @req:ASSUME-7 @assumption
  Rule: ASSUME-7 — A code DES accepts without a server for the phone leads to the server by hand, not another code
    The code was valid, so another code cannot help: the phone's place in DES lacks a server.

    Scenario: DES accepts the code but still has no server for the phone
      Given DES accepts the enrollment code "48213377" but still has no configuration server for the phone
      And the phone is asking for the enrollment code
      When the user enters the enrollment code "48213377"
      Then the phone asks for the configuration server by hand, saying DES has no server for it

  @req:ASSUME-20 @assumption
  Rule: ASSUME-20 — Once entered, the code is shown only masked
    A code claims a phone for a customer, and 12-digit provisioning codes never expire.

    Scenario: The code entered is never shown in clear
      Given DES names the configuration server "https://prov.example.com/j100" for the enrollment code "512340090042"
      And the phone is asking for the enrollment code
      When the user enters the enrollment code "512340090042"
      Then the enrollment code "512340090042" is never shown in clear
      And the phone is provisioned from "https://prov.example.com/j100"

  @req:CODE-3
  Rule: CODE-3 — Cancelling code entry leads to the configuration server by hand

    Scenario: The user cancels instead of typing a code
      Given the phone is asking for the enrollment code
      When the user presses Cancel
      Then the phone asks for the configuration server by hand
      And the phone asked DES 1 time

    Scenario: After cancelling, a server typed by hand provisions the phone
      Given the configuration server "192.0.2.40" holds the site's settings
      And the phone is asking for the enrollment code
      When the user presses Cancel
      And the user enters the configuration server "192.0.2.40"
      Then the phone is provisioned from "192.0.2.40"
