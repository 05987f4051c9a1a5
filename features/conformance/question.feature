@conformance @path:question
Feature: The auto provisioning question on first boot
  A new phone cannot know whether the person unpacking it wants Device Enrollment Services
  (DES) to set it up. So on its first boot it asks, and gives the user a minute to answer.
  The question is the one text the source words for us: it is quoted exactly.

  @req:PROMPT-1
  Rule: PROMPT-1 — A phone on its first boot asks whether to activate auto provisioning now

    Scenario: The question is the first thing a new phone shows
      When the phone boots for the first time
      Then the first thing the phone shows is the question "Do you want to activate Auto Provisioning now"
      And the phone offers the answers Yes and No

    Scenario: The phone waits for the answer before looking for a server
      When the phone boots for the first time
      Then the phone never contacted DES
      And the phone never asked DHCP or LLDP for a configuration server

  @req:PROMPT-2
  Rule: PROMPT-2 — The question waits a minute for Yes or No; if neither comes, the phone times out

    Background:
      Given the phone boots for the first time
      And DES has no configuration server for the phone

    Scenario Outline: <answer> after <wait> decides the path
      When the user answers <answer> after <wait>
      Then the phone takes the <answer> path

      Examples: answered early
        | answer | wait       |
        | Yes    | 1 second   |
        | No     | 1 second   |

      Examples: answered at the last moment
        | answer | wait           |
        | Yes    | 59.999 seconds |
        | No     | 59.999 seconds |

    Scenario: Only Yes or No answers the question
      When the user presses Cancel
      Then the phone is still asking the question
      And the phone never asked DHCP or LLDP for a configuration server

    Scenario: The question is still open just before the minute is over
      When nobody answers the question for 59.999 seconds
      Then the phone is still asking the question
      And the phone never asked DHCP or LLDP for a configuration server

    Scenario: With no answer after 60 seconds the question times out
      When nobody answers the question for 60 seconds
      Then the phone takes the timeout path

  @req:ASSUME-8 @assumption
  Rule: ASSUME-8 — The window opens with the question; at 60.000 s the timeout has already happened
    Without this rule a key pressed at the boundary could go either way. We chose the timeout,
    so that the phone's behaviour at 60 s does not depend on which event is handled first.

    Background:
      Given the phone boots for the first time
      And DES has no configuration server for the phone

    Scenario: A key pressed at exactly 60 seconds is too late
      Given the switch names the configuration server "192.0.2.60" after 20 seconds
      When the user answers Yes after 60 seconds
      Then the phone takes the timeout path
      And the phone is provisioned from "192.0.2.60"

    Scenario: A key pressed after the timeout changes nothing
      When the user answers No after 61 seconds
      Then the phone takes the timeout path
      And the phone asked DES 1 time

  @req:ASSUME-24 @assumption
  Rule: ASSUME-24 — Apart from the question, the phone's screen texts are its own, and fit its screen
    The source words only the question. The specification holds a phone to what each screen
    means and which keys it offers, never to its words; every text fits a desk phone's screen
    (a title in 2 lines, a detail in 3 lines of 32 characters), the rest goes to the phone's log.

    Scenario Outline: Every screen on the way to <end> fits a desk phone's screen
      Given the phone boots for the first time
      And <situation>
      When the user answers <answer>
      And <reply>
      Then every screen the phone showed fits a desk phone's screen

      Examples: prompts and what they say
        | end                                           | answer | situation                                      | reply                                                 |
        | a code DES did not accept                     | Yes    | DES has no configuration server for the phone  | the user enters the enrollment code "11112222"        |
        | giving up after DES could not be reached      | Yes    | DES is not on the network                      | the user presses Cancel                               |
        | giving up after DES answered with an error    | Yes    | DES answers with HTTP status 500               | the user presses Cancel                               |
        | details typed for a server that cannot help   | No     | the DHCP server offers no configuration server | the user enters the provisioning details "192.0.2.40" |

    Scenario: A code the phone refuses is refused in words that fit its screen
      Given the phone boots for the first time
      And DES has no configuration server for the phone
      When the user answers Yes
      And the user enters the enrollment code "4821337"
      Then the phone refuses the code and asks for it again
      And every screen the phone showed fits a desk phone's screen

    Scenario Outline: <screen> comes with <keys>
      Given the phone boots for the first time
      And <situation>
      When the user answers <answer>
      Then the phone showed <screen> with <keys>

      Examples: on the way to DES
        | answer | situation                                     | screen                          | keys                   |
        | Yes    | DES has no configuration server for the phone | the question                    | the keys Yes and No    |
        | Yes    | DES has no configuration server for the phone | the DES progress screen         | no keys                |
        | Yes    | DES has no configuration server for the phone | the enrollment code prompt      | the keys OK and Cancel |
        | Yes    | DES cannot be reached                         | the configuration server prompt | the keys OK and Cancel |
        | Yes    | there is no DHCP server on the network        | the no-network screen           | no keys                |

      Examples: on the local network
        | answer | situation                                      | screen                          | keys                   |
        | No     | the DHCP server offers no configuration server | the search progress screen      | no keys                |
        | No     | the DHCP server offers no configuration server | the provisioning details prompt | the keys OK and Cancel |

    Scenario Outline: <screen> after <reply> comes with <keys>
      Given the phone boots for the first time
      And <situation>
      When the user answers <answer>
      And <reply>
      Then the phone showed <screen> with <keys>

      Examples: replies to a prompt
        | answer | situation                                      | reply                                          | screen                          | keys                   |
        | Yes    | DES has no configuration server for the phone  | the user enters the enrollment code "48213377" | the DES progress screen         | no keys                |
        | No     | the DHCP server offers no configuration server | the user presses Cancel                        | the not-provisioned screen      | no keys                |

    Scenario: A restart shows the server it gets the settings from, then the SIP domain
      Given the phone was provisioned from "https://prov.example.com/j100"
      When the phone restarts
      Then the phone showed that it is getting its settings from "https://prov.example.com/j100"
      And the phone showed that it is provisioned from "https://prov.example.com/j100" with the SIP domain "example.com"
      And every screen the phone showed fits a desk phone's screen

    Scenario: A restart's settings progress and provisioned screens come with no keys
      Given the phone was provisioned from "https://prov.example.com/j100"
      When the phone restarts
      Then the phone showed the settings progress screen with no keys
      And the phone showed the provisioned screen with no keys

  @req:ASSUME-15 @assumption
  Rule: ASSUME-15 — A provisioned phone does not ask again on later boots
    The question belongs to the initial boot. A phone that already has a configuration server
    goes back to it; DES only runs again after a firmware upgrade or from the menu.

    Scenario: A restart goes straight back to the configuration server
      Given the phone was provisioned from "https://prov.example.com/j100"
      When the phone restarts
      Then the phone does not ask the question
      And the phone is provisioned from "https://prov.example.com/j100"
      And the phone asked DES 1 time

    Scenario: A restart with the configuration server down keeps the stored settings
      Given the phone was provisioned from "https://prov.example.com/j100"
      And the configuration server "https://prov.example.com/j100" is not on the network
      When the phone restarts
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone uses the setting SIPDOMAIN "example.com"
