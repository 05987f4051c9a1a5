@conformance
Feature: Who is at the phone — retries, lockouts and the administration menu
  The source says what the phone asks; it does not say what happens when nobody answers a
  prompt, when DES's lockout ends, whether a failed DES can be tried again, or when the
  installer's administration menu counts. These are our decisions, each with its reason.

  @req:ASSUME-33 @assumption
  Rule: ASSUME-33 — On the timeout path, a phone waiting at a prompt asks DES again every 10 minutes until someone uses it
    Nobody answered the question, so nobody may read the prompt either: a phone installed before
    its DES profile was ready should provision itself once it is. The first key pressed shows
    that someone is there; from then on the user decides. 10 minutes is a placeholder for
    product to set.

    Background:
      Given DES has no configuration server for the phone

    Scenario: DES gets a server for the phone later, and the unattended phone provisions itself
      Given the configuration server "https://prov.example.com/j100" holds the site's settings
      When nobody answers the question for 60 seconds
      And DES is given the configuration server "https://prov.example.com/j100" for the phone
      And 11 minutes pass
      Then the phone is provisioned from "https://prov.example.com/j100"

    Scenario: While DES still has no server, the phone keeps waiting at the code prompt
      When nobody answers the question for 60 seconds
      And 25 minutes pass
      Then the phone asks for the enrollment code
      And the phone asked DES 3 times

    Scenario: Once someone has pressed a key, the phone no longer asks DES by itself
      When nobody answers the question for 60 seconds
      And the user presses Cancel
      And 25 minutes pass
      Then the phone asked DES 1 time

    Scenario: A key the prompt does not offer also shows that someone is there
      When nobody answers the question for 60 seconds
      And the user presses No
      And 25 minutes pass
      Then the phone asked DES 1 time

    Scenario: A retry that finds DES failing leaves the phone at the prompt
      Given DES answers with HTTP status 500
      When nobody answers the question for 60 seconds
      And 11 minutes pass
      Then the phone asks for the configuration server by hand
      And the phone asked DES 2 times

    Scenario: A server DES names on a retry that cannot be reached leads to the server by hand
      Given the configuration server "https://prov.example.com/j100" is not on the network
      When nobody answers the question for 60 seconds
      And DES is given the configuration server "https://prov.example.com/j100" for the phone
      And 11 minutes pass
      Then the phone asks for the configuration server by hand, saying the settings could not be fetched

    Scenario: A local server that fails on the timeout path still leaves the phone asking DES again
      Given the DHCP server names the configuration server "192.0.2.50", which cannot be reached
      When nobody answers the question for 60 seconds
      And 25 minutes pass
      Then the phone asked DES 3 times

    Scenario: Any key, even one pressed while the phone is asking DES again, ends its retries
      When nobody answers the question for 60 seconds
      And the user presses No while the phone is asking DES again
      And 25 minutes pass
      Then the phone asked DES 2 times

    Scenario: A code typed while the phone is asking DES again gets DES's answer to that code
      When nobody answers the question for 60 seconds
      And the user enters the enrollment code "11112222" while the phone is asking DES again
      Then the phone asks for the enrollment code again, saying DES did not accept the code

  @req:ASSUME-33 @assumption
  Rule: ASSUME-33 — A server DES names in answer to a retry already under way is taken, whatever key was pressed meanwhile
    The retry left while nobody was at the phone; its answer is DES's word on where the phone
    belongs, and a key pressed a moment before it arrives does not make it less true.

    Scenario: A user who cancels while the phone is asking DES again still gets the server DES names
      Given the phone boots for the first time
      And DES names the configuration server "http://192.0.2.70", which cannot be reached
      When nobody answers the question for 60 seconds
      And DES names the configuration server "https://prov.example.com/j100" once the phone waits at its prompt
      And the user presses Cancel while the phone is asking DES again
      Then the phone is provisioned from "https://prov.example.com/j100"

  @req:ASSUME-32 @assumption
  Rule: ASSUME-32 — After Yes, a failed DES offers no Retry: the user types the server, or restarts to try DES again
    The source ends every failure of the Yes path at manual entry; a Retry key would be a screen
    it does not describe. Someone is at the phone, and a restart asks the question again
    (ASSUME-15), so DES can be tried again without a new screen.

    Background:
      Given DES answers with HTTP status 500

    Scenario: The phone does not ask DES again by itself after Yes
      When the user answers Yes
      And 25 minutes pass
      Then the phone asks for the configuration server by hand
      And the phone asked DES 1 time

    Scenario: Restarting the phone is the way to try DES again
      When the user answers Yes
      And the phone restarts
      And the user answers Yes
      Then the phone asked DES 2 times

  @req:ASSUME-34 @assumption
  Rule: ASSUME-34 — When DES's lockout is over, the phone asks for the enrollment code again
    A lockout is DES's brake on guessing, not a verdict on the phone: when the minutes DES gave
    are over and nobody has typed a server meanwhile, the installer may try a code again.

    Scenario: After the lockout's minutes the code prompt comes back
      Given the phone is asking for the enrollment code
      When the user enters these enrollment codes one after another:
        | 11110001 |
        | 11110002 |
        | 11110003 |
        | 11110004 |
        | 11110005 |
      And 15 minutes pass
      Then the phone asks for the enrollment code

    Scenario: A server typed during the lockout is used at once
      Given the configuration server "https://prov.example.com/j100" holds the site's settings
      And the phone is asking for the enrollment code
      When the user enters these enrollment codes one after another:
        | 11110001 |
        | 11110002 |
        | 11110003 |
        | 11110004 |
        | 11110005 |
      And the user enters the configuration server "https://prov.example.com/j100"
      Then the phone is provisioned from "https://prov.example.com/j100"

  @req:ASSUME-34 @assumption
  Rule: ASSUME-34 — Only the lockout's end brings the code prompt back, and only to a phone still asking for the server
    The minutes are DES's: the phone does not shorten them. A user who gave up during the lockout
    chose to leave the phone unprovisioned; its end does not reopen the code prompt.

    Scenario: A minute before the lockout ends, the phone still asks for the server
      Given the phone is asking for the enrollment code
      When the user keeps entering wrong enrollment codes until DES locks the phone out
      And the lockout DES gave is nearly over
      Then the phone asks for the configuration server by hand, saying how long DES locked it out

    Scenario: A phone left unprovisioned during the lockout stays so when it ends
      Given the phone is asking for the enrollment code
      When the user keeps entering wrong enrollment codes until DES locks the phone out
      And the user presses Cancel
      And the lockout DES gave is over
      Then the phone shows that it is not provisioned

  @req:ASSUME-21 @assumption
  Rule: ASSUME-21 — The administration menu outranks DHCP, LLDP and DES wherever the phone waits for a server
    J100 precedence puts the administration menu above every other source. From the answer to
    the question until the phone is provisioned, the installer's server replaces whatever the
    phone was doing; if it fails, the phone asks by hand as its path does.

    Scenario: While DES is being asked, the installer's server is used instead
      Given the phone boots for the first time
      And DES assigns the phone to the configuration server "https://prov.example.com/j100"
      And the configuration server "192.0.2.50" holds the site's settings
      When the user answers Yes
      And the installer sets the configuration server "192.0.2.50" in the administration menu
      Then the phone is provisioned from "http://192.0.2.50"

    Scenario: Without an address, the installer's server is the one fetched once DHCP answers
      Given a new phone boots on a network without a DHCP server
      And the configuration server "192.0.2.50" holds the site's settings
      When the user answers Yes
      And the installer sets the configuration server "192.0.2.50" in the administration menu
      And a DHCP server comes onto the network
      Then the phone is provisioned from "http://192.0.2.50"

    Scenario Outline: While a server that <does> is being asked for settings, the installer's server replaces it
      Given a new phone is asking for the configuration server by hand
      And the configuration server "http://192.0.2.70" <does>
      And the configuration server "192.0.2.50" holds the site's settings
      When the user enters the configuration server "192.0.2.70"
      And the installer sets the configuration server "192.0.2.50" in the administration menu
      Then the phone is provisioned from "http://192.0.2.50"

      Examples: the server typed
        | does                      |
        | stays silent              |
        | holds the site's settings |

    Scenario: The installer's server that fails on the timeout path leads to the server by hand
      Given the phone boots for the first time
      And the configuration server "192.0.2.50" is not on the network
      When nobody answers the question for 60 seconds
      And the installer sets the configuration server "192.0.2.50" in the administration menu
      Then the phone asks for the configuration server by hand
      And the phone never contacted DES

    Scenario: Without an address, the installer's server replaces one typed by hand and keeps its prompt
      Given a new phone boots on a network without a DHCP server
      When the user answers No
      And the user enters the provisioning details "192.0.2.60"
      And the installer sets the configuration server "192.0.2.50" in the administration menu
      And a DHCP server comes onto the network
      Then the phone asks for the provisioning details by hand

    Scenario: On the timeout path, the installer's server is used at the server prompt nobody answered
      Given the phone boots for the first time
      And DES answers with HTTP status 500
      And the configuration server "192.0.2.50" holds the site's settings
      When nobody answers the question for 60 seconds
      And the installer sets the configuration server "192.0.2.50" in the administration menu instead of typing it
      Then the phone is provisioned from "http://192.0.2.50"

    Scenario: Without an address, an installer's server that fails leads to the server by hand
      Given a new phone boots on a network without a DHCP server
      When the user answers Yes
      And the installer sets the configuration server "192.0.2.50" in the administration menu
      And a DHCP server comes onto the network
      Then the phone asks for the configuration server by hand, saying the settings could not be fetched

    Scenario Outline: An installer's server that fails at the <prompt> nobody answered ends DES's retries
      Given the phone boots for the first time
      And <DES>
      When nobody answers the question for 60 seconds
      And the installer sets the configuration server "192.0.2.50" in the administration menu instead of typing it
      And 25 minutes pass
      Then the phone asked DES 1 time

      Examples: prompts reached unattended
        | prompt                          | DES                                           |
        | enrollment code prompt          | DES has no configuration server for the phone |
        | configuration server prompt     | DES answers with HTTP status 500              |

    Scenario: An installer's server that fails at the provisioning details prompt brings it back
      Given the phone is asking for the provisioning details by hand
      When the installer sets the configuration server "192.0.2.50" in the administration menu instead of typing it
      Then the phone asks for the provisioning details by hand, saying the settings could not be fetched

    Scenario Outline: An installer's server that fails after the <form> prompt was cancelled brings that prompt back
      Given the phone is asking for the <form> by hand
      When the user presses Cancel
      And the installer sets the configuration server "192.0.2.50" in the administration menu
      Then the phone asks for the <form> by hand, saying the settings could not be fetched

      Examples: the prompt cancelled
        | form                 |
        | configuration server |
        | provisioning details |

    Scenario: A provisioned phone does not take a server from the administration menu
      Given the phone was provisioned from "https://prov.example.com/j100"
      And the configuration server "192.0.2.50" holds the site's settings
      When the installer sets the configuration server "192.0.2.50" in the administration menu
      Then the phone is provisioned from "https://prov.example.com/j100"
