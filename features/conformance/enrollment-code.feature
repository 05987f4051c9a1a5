@conformance @path:yes
Feature: The enrollment code — claiming a phone DES does not yet know a server for
  When DES has no configuration server for the phone, the installer types the numeric
  enrollment code DES issued. The phone asks DES again with it and fetches its settings from
  the server DES then names. The installer can give up on the code and type a server instead.

  @req:CODE-1
  Rule: CODE-1 — An enrollment code is a number of 8 or 12 digits

    Scenario Outline: <kind> is accepted
      Given DES names the configuration server "https://prov.example.com/j100" for the enrollment code "<code>"
      And the phone is asking for the enrollment code
      When the user enters the enrollment code "<code>"
      Then the phone asked DES again, this time with the enrollment code "<code>"

      Examples: codes DES issues
        | kind                                  | code         |
        | an 8-digit random code                | 48213377     |
        | a 12-digit random code                | 902716354418 |
        | a 12-digit account and site PIN code  | 512340090042 |

      Examples: leading zeros are part of the code
        | kind                          | code         |
        | an 8-digit code starting 00   | 00482133     |
        | a 12-digit code of site 0000  | 512340090000 |
        | a 12-digit code starting 0    | 012345678901 |

  @req:ASSUME-4 @assumption
  Rule: ASSUME-4 — A code of the wrong form is refused on the phone and DES is not asked
    CODE-1 defines the form, so the phone can check it; sending a malformed code to DES would
    only count towards DES's lockout (ASSUME-6).

    @bad-input
    Scenario Outline: <kind> is refused
      Given the phone is asking for the enrollment code
      When the user enters the enrollment code "<code>"
      Then the phone refuses the code and asks for it again
      And the phone asked DES 1 time

      Examples: wrong length
        | kind                   | code          |
        | 7 digits               | 4821337       |
        | 9 digits               | 482133771     |
        | 13 digits              | 9027163544181 |

      Examples: not only digits
        | kind                   | code          |
        | a letter               | 4821337A      |
        | a separator            | 4821-3377     |

    @bad-input
    Scenario: A mistyped code can be typed again and then works
      Given DES names the configuration server "https://prov.example.com/j100" for the enrollment code "48213377"
      And the phone is asking for the enrollment code
      When the user enters the enrollment code "4821337"
      And the user enters the enrollment code "48213377"
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone refused 1 enrollment code itself

  @req:CODE-2
  Rule: CODE-2 — With the code the phone asks DES again, then fetches its settings from the server DES names

    Scenario: The second request to DES carries the code
      Given DES names the configuration server "https://prov.example.com/j100" for the enrollment code "902716354418"
      And the phone is asking for the enrollment code
      When the user enters the enrollment code "902716354418"
      Then the phone asked DES again, this time with the enrollment code "902716354418"
      And the phone is provisioned from "https://prov.example.com/j100"

  @req:ASSUME-5 @assumption
  Rule: ASSUME-5 — A code DES rejects can be typed again
    A mistyped or expired code is the user's to correct; DES itself limits the attempts.

    Scenario: DES does not know the code
      Given the phone is asking for the enrollment code
      When the user enters the enrollment code "11112222"
      Then the phone asks for the enrollment code again, saying DES did not accept the code
      And the phone asked DES 2 times

    Scenario: The code has expired
      Given the enrollment code "11112222" has expired
      And the phone is asking for the enrollment code
      When the user enters the enrollment code "11112222"
      Then the phone asks for the enrollment code again, saying DES did not accept the code
      And the phone asked DES 2 times

    @fault
    Scenario: DES rejects the code without saying why
      Given DES rejects enrollment codes without saying why
      And the phone is asking for the enrollment code
      When the user enters the enrollment code "11112222"
      Then the phone asks for the enrollment code again, saying DES did not accept the code
      And the phone asked DES 2 times

  @req:ASSUME-6 @assumption
  Rule: ASSUME-6 — When DES reports a lockout, the phone says for how long and asks for the server by hand
    DES counts wrong codes and locks a device out for some minutes. Its numbers are not published:
    the 5 codes and 15 minutes of the suite's DES are placeholders; the phone only relays what DES
    says. The installer can still provision by hand.

    Scenario: The fifth wrong code locks the phone out
      Given the phone is asking for the enrollment code
      When the user enters these enrollment codes one after another:
        | 11110001 |
        | 11110002 |
        | 11110003 |
        | 11110004 |
        | 11110005 |
      Then the phone asks for the configuration server by hand, saying DES locked it out for 15 minutes

  @req:ASSUME-7 @assumption
  Rule: ASSUME-7 — A valid code that still brings no server leads to manual entry, not another code
    The code was accepted, so another code cannot help: the phone's DES profile lacks a server.

    Scenario: DES accepts the code but has no server for the phone
      Given DES accepts the enrollment code "48213377" but still has no configuration server for the phone
      And the phone is asking for the enrollment code
      When the user enters the enrollment code "48213377"
      Then the phone asks for the configuration server by hand, saying DES has no server for it
      And the phone asked DES 2 times

  @req:ASSUME-20 @assumption
  Rule: ASSUME-20 — The code is masked once entered and never recorded in clear
    A code claims a device for a customer, and 12-digit provisioning codes never expire.

    Scenario: The code shows as dots and leaves no trace
      Given DES names the configuration server "https://prov.example.com/j100" for the enrollment code "512340090042"
      And the phone is asking for the enrollment code
      When the user enters the enrollment code "512340090042"
      Then the phone showed that DES is checking the enrollment code
      And the enrollment code "512340090042" appears nowhere the phone or the suite records

  @req:CODE-3
  Rule: CODE-3 — Cancelling code entry leads to entering the configuration server by hand

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
      Then the phone is provisioned from "http://192.0.2.40"
